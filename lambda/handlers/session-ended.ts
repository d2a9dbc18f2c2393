import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { unansweredAtEnd } from '../conversation/questions';
import { log } from '../log';
import { setOutcome, turnOf } from '../turn/turn';

/**
 * The session closed (stop, silence, or an error on the device): no speech. Nothing new is saved, but
 * for a report check left unanswered, which counts as yes: the saved progress is cleared.
 */
export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    if (request.reason === 'ERROR') log.warn('session-ended-with-error', { error: request.error ?? null });
    const outcome = unansweredAtEnd(turnOf(input).state);
    if (outcome) setOutcome(input, outcome);
    return input.responseBuilder.getResponse();
  },
};
