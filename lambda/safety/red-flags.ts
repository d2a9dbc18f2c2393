import type { FactsRef } from '../routines/types';

/** What a "yes" to a screen question leads to. */
export type FlagLevel = 'emergency' | 'urgent';
/** skipTouch: not a red flag, but no massage, heat or cold on that area (facts §5(d)). */
export type ScreenOutcome = FlagLevel | 'skipTouch';
/** Why a flag was raised; picks the one-sentence reason in the advice. */
export type FlagReason = 'emergencySigns' | 'clot' | 'injury' | 'circulation' | 'other';

export interface ScreenQuestion {
  readonly onYes: ScreenOutcome;
  readonly reason: FlagReason;
  readonly facts: readonly FactsRef[];
}

/** Red-flag questions from facts §5; "yes" always means worrying. Text: `screen.<id>` in the locale files. */
export const SCREEN_QUESTIONS: Readonly<Record<string, ScreenQuestion>> = {
  emergencySigns: { onYes: 'emergency', reason: 'emergencySigns', facts: ['5(a)'] },
  injuryOrClot: { onYes: 'urgent', reason: 'clot', facts: ['5(b)', '4'] },
  runInjury: { onYes: 'urgent', reason: 'injury', facts: ['5(b)', '4'] },
  newOneSidedChange: { onYes: 'urgent', reason: 'clot', facts: ['5(b)'] },
  coldPaleBlue: { onYes: 'emergency', reason: 'circulation', facts: ['5(a)'] },
  numbOrWeak: { onYes: 'emergency', reason: 'circulation', facts: ['5(a)'] },
  tightOrBulging: { onYes: 'emergency', reason: 'other', facts: ['5(a)', '4'] },
  severeOrTight: { onYes: 'emergency', reason: 'other', facts: ['5(a)', '4'] },
  throbbingOrVeins: { onYes: 'urgent', reason: 'clot', facts: ['5(b)'] },
  painOnFlex: { onYes: 'urgent', reason: 'clot', facts: ['5(b)'] },
  changedSinceRun: { onYes: 'urgent', reason: 'clot', facts: ['5(b)'] },
  tiptoe: { onYes: 'urgent', reason: 'injury', facts: ['5(b)'] },
  darkUrine: { onYes: 'urgent', reason: 'other', facts: ['5(b)'] },
  brokenSkin: { onYes: 'skipTouch', reason: 'other', facts: ['5(d)'] },
};

/** Asked in the session right before a heat or cold step (facts §5(d)); yes skips heat and cold. */
export const HEAT_COLD_QUESTION_FACTS: readonly FactsRef[] = ['5(d)', '2.5', '2.6'];

/** An unclear answer is asked once more; still unclear counts as "yes" (facts §5, how to ask). */
export const MAX_UNCLEAR_ANSWERS = 1;

/** Trouble the person can report at any moment, and what it leads to. */
export type Trouble = 'chestPain' | 'swollenCalf' | 'injuryPop' | 'painWorse';

export const TROUBLE: Readonly<Record<Trouble, { level: FlagLevel | 'pain'; reason: FlagReason }>> = {
  chestPain: { level: 'emergency', reason: 'emergencySigns' },
  swollenCalf: { level: 'urgent', reason: 'clot' },
  injuryPop: { level: 'urgent', reason: 'injury' },
  painWorse: { level: 'pain', reason: 'other' },
};

/** The cramp episode clock: facts §5(b), a cramp over about ten minutes that hasn't eased. */
export const EPISODE_LIMIT_MS = 10 * 60 * 1000;
