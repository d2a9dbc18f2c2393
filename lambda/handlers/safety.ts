import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { locked } from '../conversation/flags';
import { stop } from '../conversation/navigation';
import {
  answerSafety,
  commandAtScreen,
  reportPain,
  reportTrouble,
  type ScreenCommand,
} from '../conversation/screening';
import type { ReportId } from '../safety/red-flags';
import { isSafetyPending } from '../state/session';
import { rule } from '../turn/handler';
import { Intents, KNOWN_INTENTS } from './intents';
import { intentName, isIntent, isRequest } from './match';

const REPORT_INTENTS: ReadonlyMap<string, ReportId> = new Map([
  [Intents.chestPain, 'chestPain'],
  [Intents.swollenCalf, 'swollenCalf'],
  [Intents.injuryPop, 'injuryPop'],
]);

/** After a red flag or a hard stop, every request in the session gets the advice again; stop and cancel end politely. */
export const FlagLockHandler: RequestHandler = rule(
  (input, { state }) => state.flag !== undefined && !isRequest(input, 'SessionEndedRequest'),
  ({ state, ctx }, input) =>
    isIntent(input, Intents.stop, Intents.cancel) ? stop(state, ctx) : locked(state, ctx),
);

/** Trouble reported at any moment: chest pain, a swollen calf, a pop (checked), or pain getting worse. */
export const TroubleHandler: RequestHandler = rule(
  (input) => REPORT_INTENTS.has(intentName(input) ?? '') || isIntent(input, Intents.painWorse),
  ({ state, ctx }, input) => {
    const report = REPORT_INTENTS.get(intentName(input) ?? '');
    return report ? reportTrouble(state, report, ctx) : reportPain(state, ctx);
  },
);

const COMMANDS: ReadonlyMap<string, ScreenCommand> = new Map([
  [Intents.repeat, 'repeat'],
  [Intents.help, 'help'],
  [Intents.next, 'next'],
  [Intents.resume, 'next'],
  [Intents.tellMore, 'help'],
  [Intents.previous, 'back'],
]);

/** Repeat, "what?", help, next and go back at a safety question: never an answer (product decision 2). */
export const ScreenCommandHandler: RequestHandler = rule(
  (input, { state }) => isSafetyPending(state.pending) && COMMANDS.has(intentName(input) ?? ''),
  ({ state, ctx }, input) => commandAtScreen(state, COMMANDS.get(intentName(input) ?? '') ?? 'repeat', ctx),
);

/** What counts as an answer to a safety question: yes, no, or words that are neither (unclear). */
function answerOf(input: HandlerInput): boolean | undefined {
  return isIntent(input, Intents.yes) ? true : isIntent(input, Intents.no) ? false : undefined;
}

const isUnclear = (input: HandlerInput): boolean =>
  isIntent(input, Intents.fallback, Intents.otherQuestion) || !KNOWN_INTENTS.has(intentName(input) ?? '');

/** Yes or no to a safety question; words that are neither are unclear, and asked once more. */
export const ScreenAnswerHandler: RequestHandler = rule(
  (input, { state }) =>
    isSafetyPending(state.pending) &&
    isRequest(input, 'IntentRequest') &&
    (isIntent(input, Intents.yes, Intents.no) || isUnclear(input)),
  ({ state, ctx }, input) => answerSafety(state, answerOf(input), ctx),
);
