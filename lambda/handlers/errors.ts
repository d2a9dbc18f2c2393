import type { ErrorHandler } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';
import { localeOf } from '../speech/locale';

/**
 * Anything that throws, including envelopes too broken to read: a short spoken apology and a log line;
 * the session attributes of the request are returned unchanged, so progress saved before it is kept.
 */
export const SpeakingErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    const request: unknown = (input.requestEnvelope as { request?: unknown } | undefined)?.request;
    const type: unknown = (request as { type?: unknown } | null | undefined)?.type;
    log.error('handler-error', {
      error: errorMessage(error),
      request: typeof type === 'string' ? type : null,
    });
    const t = translatorFor(localeOf(input.requestEnvelope));
    return input.responseBuilder
      .speak(t('error.spoken'))
      .reprompt(t('error.reprompt'))
      .withShouldEndSession(false)
      .getResponse();
  },
};
