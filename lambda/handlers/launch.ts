import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { ROUTINES } from '../routines/data';
import { menu, type Outcome } from '../routines/flow';
import { routineName } from '../speech/step';
import { spokenNumber } from '../speech/numbers';
import { say } from '../speech/ssml';
import { isIntent, rule, type TurnData } from './context';
import { Intents } from './intents';

/** "Open Calf Coach": the welcome, then "shall we carry on?" if a routine was left, else the menu. */
function launch({ state, ctx }: TurnData): Outcome {
  const progress = state.stored.progress;
  const first = !state.stored.welcomed;
  const welcome = say(ctx.t(first ? 'welcome.first' : 'welcome.back'));
  const welcomed = { ...state, stored: { ...state.stored, welcomed: true } };
  if (!progress) return menu(welcomed, ctx, [welcome]);
  const n = spokenNumber(progress.stepIndex + 1, ctx.t);
  const offer = ctx.t('welcome.resumeOffer', {
    n,
    routine: routineName(ROUTINES[progress.routineId], ctx.t),
  });
  return {
    state: { ...welcomed, pending: { kind: 'resume' } },
    speech: [welcome, say(offer)],
    reprompt: [say(ctx.t('welcome.resumeReprompt', { n }))],
    end: false,
  };
}

export const LaunchHandler: RequestHandler = rule(
  (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  launch,
);

/** "Go home" or "main menu": back to the routines, progress kept. */
export const NavigateHomeHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.navigateHome),
  ({ state, ctx }) => menu(state, ctx),
);
