import type { ErrorHandler } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';

/** Anything that throws: a short spoken apology and a log line; progress saved before it is kept. */
export const SpeakingErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    log.error('handler-error', {
      error: errorMessage(error),
      request: input.requestEnvelope.request.type,
    });
    let locale = 'en-US';
    try {
      locale = input.requestEnvelope.request.locale ?? 'en-US';
    } catch {
      // keep the default
    }
    const t = translatorFor(typeof locale === 'string' ? locale : 'en-US');
    return input.responseBuilder
      .speak(t('error.spoken'))
      .reprompt(t('error.reprompt'))
      .withShouldEndSession(false)
      .getResponse();
  },
};
