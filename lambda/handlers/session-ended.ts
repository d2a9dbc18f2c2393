import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { log } from '../log';

/** The session closed (stop, silence, or an error on the device): nothing new is saved; no speech. */
export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    if (request.reason === 'ERROR') log.warn('session-ended-with-error', { error: request.error ?? null });
    return input.responseBuilder.getResponse();
  },
};
