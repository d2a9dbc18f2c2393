import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { oneShot } from '../conversation/launch';
import {
  next,
  previous,
  repeat,
  resume,
  setPosture,
  startOver,
  switchLegs,
  tellMore,
  whichLeg,
  type Posture,
} from '../conversation/navigation';
import { PREFERENCE_IDS, setPreference, type PreferenceId } from '../conversation/preferences';
import type { RoutineId } from '../routines/types';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { intentName, isIntent, resolvedSlotId } from './match';

const ROUTINE_INTENTS: ReadonlyMap<string, RoutineId> = new Map([
  [Intents.cramp, 'cramp'],
  [Intents.afterRun, 'afterRun'],
  [Intents.bedtime, 'bedtime'],
]);

const routineAsked = (input: HandlerInput): RoutineId | undefined =>
  ROUTINE_INTENTS.get(intentName(input) ?? '');

/** "Help with a cramp", "a stretch after my run", "bedtime stretch": straight into that routine. */
export const StartRoutineHandler: RequestHandler = rule(
  (input) => routineAsked(input) !== undefined,
  ({ state, ctx }, input) => oneShot(state, routineAsked(input) ?? 'cramp', ctx),
);

export const ResumeHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.resume, Intents.resumeRoutine),
  ({ state, ctx }) => resume(state, ctx),
);

export const NextHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.next),
  ({ state, ctx }) => next(state, ctx),
);

export const PreviousHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.previous),
  ({ state, ctx }) => previous(state, ctx),
);

/** In a step: the step again, hold included. Elsewhere: exactly what was said last. */
export const RepeatHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.repeat),
  ({ state, ctx }) => repeat(state, ctx),
);

export const StartOverHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.startOver),
  ({ state, ctx }) => startOver(state, ctx),
);

export const TellMeMoreHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.tellMore),
  ({ state, ctx }) => tellMore(state, ctx),
);

/** The preference slot's resolved id (entity resolution), when it is one the skill knows. */
function preferenceSlot(input: HandlerInput): PreferenceId | undefined {
  const id = resolvedSlotId(input, 'preference');
  return PREFERENCE_IDS.find((known) => known === id);
}

/** "Make the holds longer", "speak slower", "speak quietly": remembered for next time. */
export const PreferenceHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.preference),
  ({ state, ctx }, input) => setPreference(state, preferenceSlot(input), ctx),
);

/** "Which leg?" */
export const WhichLegHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.whichLeg),
  ({ state, ctx }) => whichLeg(state, ctx),
);

/** "Switch legs", "the other leg". */
export const SwitchLegsHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.switchLegs),
  ({ state, ctx }) => switchLegs(state, ctx),
);

const POSTURES: readonly Posture[] = ['standing', 'lying', 'sitting'];

/** "I'm already up", "I'm in bed": the slot's resolved id; anything else counts as sitting. */
export const PostureHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.posture),
  ({ state, ctx }, input) => {
    const id = resolvedSlotId(input, 'posture');
    return setPosture(state, POSTURES.find((known) => known === id) ?? 'sitting', ctx);
  },
);
