import type { RequestHandler } from 'ask-sdk-core';
import { locked } from '../conversation/flags';
import { stop } from '../conversation/navigation';
import { hearAnywhere, hearWaiting } from '../conversation/questions';
import { decision, rule } from '../turn/handler';
import { heardOf } from './heard';
import { Intents } from './intents';
import { isIntent, isRequest } from './match';

/** After a red flag or a hard stop, every request in the session gets the advice again; stop and cancel end politely. */
export const FlagLockHandler: RequestHandler = rule(
  (input, { state }) => state.flag !== undefined && !isRequest(input, 'SessionEndedRequest'),
  ({ state, ctx }, input) =>
    isIntent(input, Intents.stop, Intents.cancel) ? stop(state, ctx) : locked(state, ctx),
);

/** The waiting question hears the words first: it owns its answers (facts §5, decision 3). */
export const WaitingQuestionHandler: RequestHandler = decision(({ state, ctx }, input) =>
  hearWaiting(state, heardOf(input), ctx),
);

/** Answer words no question took: a red flag or pain said at any moment, a yes, no or hedge with nothing asked. */
export const AnswerWordsHandler: RequestHandler = decision(({ state, ctx }, input) =>
  hearAnywhere(state, heardOf(input), ctx),
);
