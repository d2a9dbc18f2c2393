import type { RequestHandler } from 'ask-sdk-core';
import { locked, raiseFlag } from '../conversation/flags';
import { stop } from '../conversation/navigation';
import { answerFlagCheck, answerHeatCold, answerScreen, reportPain } from '../conversation/screening';
import { TROUBLE, type Trouble } from '../safety/red-flags';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { intentName, isIntent, isRequest } from './match';

const TROUBLE_INTENTS: ReadonlyMap<string, Trouble> = new Map([
  [Intents.chestPain, 'chestPain'],
  [Intents.swollenCalf, 'swollenCalf'],
  [Intents.injuryPop, 'injuryPop'],
  [Intents.painWorse, 'painWorse'],
]);

/** After a red flag, every request in the session gets the advice again; stop and cancel end politely. */
export const FlagLockHandler: RequestHandler = rule(
  (input, { state }) => state.flag !== undefined && !isRequest(input, 'SessionEndedRequest'),
  ({ state, ctx }, input) =>
    isIntent(input, Intents.stop, Intents.cancel) ? stop(state, ctx) : locked(state, ctx),
);

/** Trouble reported at any moment: chest pain, a swollen calf, an injury or pop, pain getting worse. */
export const TroubleHandler: RequestHandler = rule(
  (input) => TROUBLE_INTENTS.has(intentName(input) ?? ''),
  ({ state, ctx }, input) => {
    const trouble = TROUBLE[TROUBLE_INTENTS.get(intentName(input) ?? '') ?? 'painWorse'];
    return trouble.level === 'pain'
      ? reportPain(state, ctx)
      : raiseFlag(state, trouble.level, trouble.reason, ctx);
  },
);

/** Intents that keep their own meaning while a safety question waits for its answer. */
const ALLOWED_DURING_SCREEN: readonly string[] = [
  Intents.yes,
  Intents.no,
  Intents.help,
  Intents.repeat,
  Intents.stop,
  Intents.cancel,
  Intents.pause,
  Intents.navigateHome,
];

/** Yes or no to a safety question; anything else is an unclear answer, asked once more. */
export const ScreenAnswerHandler: RequestHandler = rule(
  (input, { state }) =>
    (state.pending?.kind === 'screen' ||
      state.pending?.kind === 'heatCold' ||
      state.pending?.kind === 'flagCheck') &&
    isRequest(input, 'IntentRequest') &&
    (isIntent(input, Intents.yes, Intents.no) || !ALLOWED_DURING_SCREEN.includes(intentName(input) ?? '')),
  ({ state, ctx }, input) => {
    const answer = isIntent(input, Intents.yes) ? true : isIntent(input, Intents.no) ? false : undefined;
    if (state.pending?.kind === 'heatCold') return answerHeatCold(state, answer, ctx);
    if (state.pending?.kind === 'flagCheck') return answerFlagCheck(state, answer, ctx);
    return answerScreen(state, answer, ctx);
  },
);
