import { say } from '../speech/ssml';
import type { SessionState } from '../state/session';
import type { Preferences } from '../state/stored';
import type { Ctx, Outcome } from './outcome';
import { carryOn } from './prompts';

export const PREFERENCE_IDS = ['longer', 'shorter', 'slower', 'faster', 'quiet', 'normal'] as const;
export type PreferenceId = (typeof PREFERENCE_IDS)[number];

function changed(prefs: Preferences, id: PreferenceId): Preferences {
  switch (id) {
    case 'longer':
      return { ...prefs, holdScale: Math.min(2, prefs.holdScale + 0.5) };
    case 'shorter':
      return { ...prefs, holdScale: Math.max(0.5, prefs.holdScale - 0.5) };
    case 'slower':
      return { ...prefs, rate: 'slow' };
    case 'faster':
      return { ...prefs, rate: 'fast' };
    case 'quiet':
      return { ...prefs, quiet: true };
    case 'normal':
      return { ...prefs, rate: 'medium', quiet: false };
  }
}

/** "Make the holds longer", "speak slower", "speak quietly": remembered for next time. */
export function setPreference(state: SessionState, id: PreferenceId | undefined, ctx: Ctx): Outcome {
  if (!id) return carryOn(state, ctx, [say(ctx.t('prefs.notUnderstood'))]);
  const preferences = changed(state.stored.preferences, id);
  return carryOn({ ...state, stored: { ...state.stored, preferences } }, ctx, [say(ctx.t(`prefs.${id}`))]);
}
