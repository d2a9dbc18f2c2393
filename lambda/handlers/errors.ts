import type { ErrorHandler } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';
import { localeOf } from '../speech/locale';
import { echoableState, takenSessionState } from '../state/envelope';
import { SESSION_KEY } from '../turn/load';
import { isSkillEventType } from './events';

/** The request's type, read from any envelope, however broken (null, a number, no request). */
function requestType(envelope: unknown): string | null {
  const request: unknown = (envelope as { request?: unknown } | null | undefined)?.request;
  const type: unknown = (request as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : null;
}

/**
 * Anything that throws, including envelopes too broken to read: a short spoken apology and a log line;
 * the session attributes of the request are returned unchanged, so progress saved before it is kept.
 * A session that already ended gets no speech (Alexa would not say it). A skill event is not taken:
 * its error fails the invocation, so Alexa can send it again.
 */
export const SpeakingErrorHandler: ErrorHandler = {
  canHandle: (input) => !isSkillEventType(requestType(input.requestEnvelope)),
  handle: (input, error) => {
    const type = requestType(input.requestEnvelope);
    log.error('handler-error', { error: errorMessage(error), request: type });
    if (type === 'SessionEndedRequest') return input.responseBuilder.getResponse();
    // The session state as the request brought it (taken out before ask-sdk's copy), so nothing is lost.
    const envelope: unknown = input.requestEnvelope;
    const taken =
      typeof envelope === 'object' && envelope !== null ? takenSessionState(envelope) : { taken: false };
    const state = echoableState(taken.state);
    if (taken.taken && input.requestEnvelope.session && state !== undefined) {
      input.attributesManager.setSessionAttributes({
        ...input.attributesManager.getSessionAttributes(),
        [SESSION_KEY]: state,
      });
    }
    const t = translatorFor(localeOf(input.requestEnvelope));
    return input.responseBuilder
      .speak(t('error.spoken'))
      .reprompt(t('error.reprompt'))
      .withShouldEndSession(false)
      .getResponse();
  },
};
