import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { MEDICAL_WORDS, QUESTIONS, questionForIntent, type Question } from '../questions/answers';
import { answer } from '../routines/flow';
import { sentenceWithNumbers } from '../safety/advice';
import { numbersFor } from '../safety/numbers';
import { say, type Part } from '../speech/ssml';
import { intentName, isIntent, rule, type TurnData } from './context';
import { Intents } from './intents';

/** "Why does massage hurt?", "heat or ice?", …: a short answer from the facts file. */
export const QuestionHandler: RequestHandler = rule(
  (input) => questionForIntent(intentName(input)) !== undefined,
  ({ state, ctx }, input) => {
    const id = questionForIntent(intentName(input)) ?? 'whatIsCramp';
    const question: Question = QUESTIONS[id];
    const key = `questions.${id}.answer`;
    const emergency = numbersFor(ctx.locale)?.emergency;
    const speech: Part[] = question.emergencyNumber
      ? emergency
        ? sentenceWithNumbers(ctx.t, key, { number: emergency })
        : [say(ctx.t(`questions.${id}.answerLocal`))]
      : [say(ctx.t(key))];
    return answer(state, speech, ctx, question.checks);
  },
);

function queryOf(input: HandlerInput): string {
  return (input.requestEnvelope.request as IntentRequest).intent.slots?.query?.value ?? '';
}

/** A question the skill has no answer for: said honestly, never a guess, with what it can do. */
export const OtherQuestionHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.otherQuestion),
  ({ state, ctx }: TurnData, input) => {
    const medical = MEDICAL_WORDS[ctx.locale.split('-')[0] ?? 'en']?.test(queryOf(input)) ?? false;
    const speech = [
      say(ctx.t('questions.unknown')),
      ...(medical ? [say(ctx.t('questions.askProfessional'))] : []),
      say(ctx.t('questions.canDo')),
    ];
    return answer(state, speech, ctx);
  },
);
