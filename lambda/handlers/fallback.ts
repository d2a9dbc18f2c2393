import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { notUnderstood } from '../conversation/prompts';
import { log } from '../log';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { intentName, isIntent, isRequest } from './match';

/**
 * Not understood: the fallback intent, an intent this skill does not know, or a request type it does not
 * handle. A kind reprompt that names what can be said here; nothing is lost.
 */
export const FallbackHandler: RequestHandler = rule(
  (input) => !isRequest(input, 'SessionEndedRequest'),
  ({ state, ctx }, input) => {
    if (!isIntent(input, Intents.fallback)) {
      log.warn('unhandled-request', {
        type: getRequestType(input.requestEnvelope),
        intent: intentName(input) ?? null,
      });
    }
    return notUnderstood(state, ctx);
  },
);
