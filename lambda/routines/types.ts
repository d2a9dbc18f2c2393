/** Routine data types. Text lives in the locale resources under `routines.<routineId>.<stepId>`. */

export const ROUTINE_IDS = ['cramp', 'afterRun', 'bedtime'] as const;
export type RoutineId = (typeof ROUTINE_IDS)[number];

/** What a step does to the calf; massage, heat and cold are gated by the full safety screen. */
export type StepKind = 'stretch' | 'movement' | 'massage' | 'heat' | 'cold' | 'care';

/** affected: the cramping or sore leg; leftThenRight: each leg in turn; both: both together. */
export type Side = 'affected' | 'both' | 'leftThenRight' | 'none';

/** A reference into ../shared/content/calf-care-facts.md, e.g. "2.1", "5(b)" or "4". */
export type FactsRef = string;

export interface Step {
  readonly id: string;
  readonly kind: StepKind;
  /** Seconds of one hold; 0 for no hold. Holds up to MAX_TIMED_HOLD_SECONDS are timed in speech. */
  readonly holdSeconds: number;
  /** How a hold too long to time in speech is described. */
  readonly longHold?: 'about' | 'upTo';
  readonly repeats: number;
  readonly side: Side;
  /** Can be done standing, for someone already up (facts §9 Routine 1 step 1-alt): `instructionStanding`. */
  readonly standing?: boolean;
  /** A timer says when to take it off (facts §2 table: warmth at night, never while asleep). */
  readonly timer?: boolean;
  /** Ask "is it easing?" after the hold, and repeat it up to maxTries times. */
  readonly checkEasing?: { readonly maxTries: number };
  readonly facts: readonly FactsRef[];
}

export interface Routine {
  readonly id: RoutineId;
  /** The grouped questions asked before the first step, at most three (facts §5 product decisions). */
  readonly shortScreen: readonly string[];
  /** Asked before the first massage, heat or cold step, at most three: §5(a), §5(b), §5(d). */
  readonly fullScreen: readonly string[];
  /**
   * A session that starts at a massage, heat or cold step asks these instead of both screens: the two
   * merged into at most three grouped questions (facts §5, decision 3 rule 6). Empty: no such step.
   */
  readonly resumeScreen: readonly string[];
  readonly steps: readonly Step[];
  /** Facts sections the closing message rests on. */
  readonly closingFacts: readonly FactsRef[];
  /** The cramp clock: warn once the episode passes ten minutes without easing (facts §5(b)). */
  readonly watchesEpisodeClock: boolean;
  /** For someone in pain now: the fewest words to the first stretch (no intro, no step count on it). */
  readonly quickStart?: boolean;
  /** At the end, offer a daily reminder to do it again (prevention works by repetition, facts §3.1). */
  readonly offersReminder: boolean;
}

export const MAX_TIMED_HOLD_SECONDS = 120;
