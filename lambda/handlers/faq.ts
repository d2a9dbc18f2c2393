import type { RequestHandler } from 'ask-sdk-core';
import { answerFaq, answerUnknown } from '../conversation/answers';
import { faqForIntent } from '../faq/topics';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { intentName, isIntent, slotOf } from './match';

/** "Why does massage hurt?", "heat or ice?", …: a short answer from the facts file. */
export const FaqHandler: RequestHandler = rule(
  (input) => faqForIntent(intentName(input)) !== undefined,
  ({ state, ctx }, input) => answerFaq(state, faqForIntent(intentName(input)) ?? 'whatIsCramp', ctx),
);

/** A question the skill has no answer for: said honestly, never a guess, with what it can do. */
export const OtherQuestionHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.otherQuestion),
  ({ state, ctx }, input) => answerUnknown(state, slotOf(input, 'query')?.value ?? '', ctx),
);
