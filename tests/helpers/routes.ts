import { ROUTINES } from '../../lambda/routines/data';
import type { Conversation } from './conversation';

/** "no" to every question of a routine's short screen. */
const clearShortScreen = (routine: keyof typeof ROUTINES): string[] =>
  ROUTINES[routine].shortScreen.map(() => 'no');

/** Cramp one-shot, both safety answers no: the person is now on step one (the toe pull). */
export async function toCrampStepOne(c: Conversation): Promise<void> {
  await c.sayAll('ask calf coach for help with a cramp', ...clearShortScreen('cramp'));
}

/** After-run one-shot, safety answers no, then on to step two (the wall stretch). */
export async function toAfterRunStepTwo(c: Conversation): Promise<void> {
  await c.sayAll('ask calf coach for a stretch after my run', ...clearShortScreen('afterRun'), 'next');
}

export const breakCount = (ssml: string): number => (ssml.match(/<break /g) ?? []).length;
