import { ROUTINES } from '../../lambda/routines/data';
import type { RoutineId } from '../../lambda/routines/types';
import type { Conversation } from './conversation';

/**
 * Conversational states reached by intents, for the tests that visit every state (the safety matrix,
 * the screens collected for the display tests): a state is the path of requests that reaches it.
 */

export type Step =
  | { readonly intent: string }
  | { readonly launch: true }
  | { readonly permission: boolean }
  | { readonly waitMs: number };

export interface State {
  readonly name: string;
  readonly steps: readonly Step[];
  /** What the state waits for: an answer that may raise a flag, or nothing safety-related. */
  readonly kind: 'safetyQuestion' | 'reportCheck' | 'flagged' | 'other';
}

export const I = (intent: string): Step => ({ intent });
export const no = I('AMAZON.NoIntent');
export const yes = I('AMAZON.YesIntent');
export const next = I('AMAZON.NextIntent');
export const unclear = I('AMAZON.FallbackIntent');

export const START: Readonly<Record<RoutineId, string>> = {
  cramp: 'CrampReliefIntent',
  afterRun: 'AfterRunIntent',
  bedtime: 'BedtimeIntent',
};

/**
 * A routine walked by intents: every safety question, asked and asked again after one unclear answer
 * (then answered no), and every step ("is it easing?" answered yes). The warmth step's timer permission
 * is granted or declined as `timer` says. `end` is the path after the last step has been read.
 */
export function routineStates(id: RoutineId, timer: boolean): { states: State[]; end: Step[] } {
  const routine = ROUTINES[id];
  const states: State[] = [];
  let path: Step[] = [I(START[id])];
  const question = (name: string): void => {
    states.push({ name, steps: [...path], kind: 'safetyQuestion' });
    states.push({ name: `${name}, asked again`, steps: [...path, unclear], kind: 'safetyQuestion' });
    path = [...path, no];
  };
  routine.shortScreen.forEach((_, i) => {
    question(`${id}: short screen question ${String(i + 1)}`);
  });
  let fullAsked = false;
  routine.steps.forEach((step, index) => {
    if (index > 0) {
      path = [...path, routine.steps[index - 1]?.checkEasing ? yes : next];
      if (['massage', 'heat', 'cold'].includes(step.kind) && !fullAsked) {
        routine.fullScreen.forEach((_, i) => {
          question(`${id}: full screen question ${String(i + 1)}`);
        });
        fullAsked = true;
      }
      if (step.timer) path = [...path, { permission: timer }];
    }
    states.push({ name: `${id}: step ${String(index + 1)} (${step.id})`, steps: [...path], kind: 'other' });
  });
  return { states, end: path };
}

/** The path to the cramp routine's first step, from which reports and checks are tried. */
export const CRAMP_STEP_ONE: readonly Step[] =
  routineStates('cramp', false).states.find((s) => s.name === 'cramp: step 1 (toePull)')?.steps ?? [];

/** Sends a state's requests, in order, into the conversation. */
export async function reach(c: Conversation, steps: readonly Step[]): Promise<Conversation> {
  for (const step of steps) {
    if ('launch' in step) await c.launch();
    else if ('permission' in step) await c.answerPermission(step.permission);
    else if ('waitMs' in step) c.wait(step.waitMs);
    else await c.intent(step.intent);
  }
  return c;
}
