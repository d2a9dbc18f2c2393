import type { FactsRef } from '../routines/types';

/** What a clear "yes" to a screen question leads to. */
export type FlagLevel = 'emergency' | 'urgent';
/** skipTouch: not a red flag, but no massage, heat or cold (facts §5(d)). */
export type ScreenOutcome = FlagLevel | 'skipTouch';
/** Where an urgent flag sends the person: seen today, or straight to the emergency department (a pop, a crack). */
export type Route = 'today' | 'emergencyDept';

export interface ScreenQuestion {
  readonly onYes: ScreenOutcome;
  /** For urgent questions: where to go. */
  readonly route?: Route;
  /** Reports that name this question's own symptom: said here, they are its clear yes (decision 3). */
  readonly owns?: readonly ReportId[];
  /** Asked before the cramp has eased, it has its own words (`screen.<id>Cramping`): never "now that it eased". */
  readonly whileCramping?: true;
  readonly facts: readonly FactsRef[];
}

/**
 * Red-flag questions from facts §5, grouped by action (product decision 2): "yes" always means
 * worrying, and no question is negative. Text: `screen.<id>`; as a condition: `condition.<id>`; the
 * reason an urgent "yes" is given: `reason.<id>`.
 */
export const SCREEN_QUESTIONS = {
  // Before the first step of the cramp and bedtime routines.
  emergencySigns: { onYes: 'emergency', owns: ['chestPain', 'faint'], facts: ['5(a)'] },
  injuryOrClot: {
    onYes: 'urgent',
    route: 'emergencyDept',
    owns: ['injuryPop', 'swollenCalf', 'noWeight'],
    facts: ['5(b)', '4'],
  },
  newOneSidedChange: { onYes: 'urgent', route: 'today', owns: ['swollenCalf'], facts: ['5(b)'] },
  // Before the first step after a run (facts §9 Routine 2 step 0, heat illness included).
  runEmergency: { onYes: 'emergency', owns: ['chestPain', 'faint'], facts: ['5(a)', '4'] },
  runInjury: {
    onYes: 'urgent',
    route: 'emergencyDept',
    owns: ['injuryPop', 'swollenCalf', 'noWeight'],
    facts: ['5(b)', '4'],
  },
  runUrine: { onYes: 'urgent', route: 'today', facts: ['5(b)'] },
  // Before massage, heat or cold: one question each for §5(a), §5(b) and §5(d).
  limbEmergency: {
    onYes: 'emergency',
    owns: ['coldLeg', 'numbLeg'],
    whileCramping: true,
    facts: ['5(a)'],
  },
  clotSigns: { onYes: 'urgent', route: 'today', owns: ['swollenCalf'], facts: ['5(b)'] },
  changedSinceRun: { onYes: 'urgent', route: 'today', owns: ['swollenCalf'], facts: ['5(b)'] },
  skinOrFeeling: { onYes: 'skipTouch', facts: ['5(d)', '2.5', '2.6'] },
  // A session that starts at a massage, heat or cold step (resume): the short and the full screen merged
  // into three grouped questions, (a), (b) and (d) (product decision 3, rule 6).
  resumeEmergency: {
    onYes: 'emergency',
    owns: ['chestPain', 'faint', 'coldLeg', 'numbLeg'],
    whileCramping: true,
    facts: ['5(a)'],
  },
  resumeInjuryClot: {
    onYes: 'urgent',
    route: 'emergencyDept',
    owns: ['injuryPop', 'swollenCalf', 'noWeight'],
    facts: ['5(b)', '4'],
  },
  resumeRunInjury: {
    onYes: 'urgent',
    route: 'emergencyDept',
    owns: ['injuryPop', 'swollenCalf', 'noWeight'],
    facts: ['5(b)', '4'],
  },
} as const satisfies Readonly<Record<string, ScreenQuestion>>;

export type ScreenQuestionId = keyof typeof SCREEN_QUESTIONS;

export function isScreenQuestionId(id: unknown): id is ScreenQuestionId {
  return typeof id === 'string' && Object.hasOwn(SCREEN_QUESTIONS, id);
}

export function screenQuestion(id: string | undefined): ScreenQuestion | undefined {
  return isScreenQuestionId(id) ? SCREEN_QUESTIONS[id] : undefined;
}

export interface Report {
  readonly level: FlagLevel;
  readonly route?: Route;
  readonly facts: readonly FactsRef[];
}

/** Trouble the person can report at any moment ("I have chest pain", "my calf is swollen", "it popped"). */
export const REPORTS = {
  chestPain: { level: 'emergency', facts: ['5(a)'] },
  /** Dizzy, about to faint, fainted. */
  faint: { level: 'emergency', facts: ['5(a)'] },
  /** The leg or foot gone cold, pale or blue. */
  coldLeg: { level: 'emergency', facts: ['5(a)'] },
  /** Numb, or too weak to move (apart from the cramp). */
  numbLeg: { level: 'emergency', facts: ['5(a)'] },
  /** Swollen, red, hot or darker, or one calf bigger than the other. */
  swollenCalf: { level: 'urgent', route: 'today', facts: ['5(b)'] },
  injuryPop: { level: 'urgent', route: 'emergencyDept', facts: ['5(b)', '4'] },
  /** Can't put weight on the leg. */
  noWeight: { level: 'urgent', route: 'emergencyDept', facts: ['5(b)'] },
} as const satisfies Readonly<
  Record<string, { level: FlagLevel; route?: Route; facts: readonly FactsRef[] }>
>;

export type ReportId = keyof typeof REPORTS;

export function isReportId(id: unknown): id is ReportId {
  return typeof id === 'string' && Object.hasOwn(REPORTS, id);
}

/** The hard stops (product decision 2, rule 4): the routine ends with the §5(b) advice. */
export const HARD_STOPS = {
  longCramp: { level: 'urgent', route: 'today', facts: ['5(b)'] },
  painWorse: { level: 'urgent', route: 'today', facts: ['5(b)'] },
} as const satisfies Readonly<Record<string, { level: FlagLevel; route: Route; facts: readonly FactsRef[] }>>;

export type HardStopId = keyof typeof HARD_STOPS;

/** Why a flag was raised: the question answered yes, the report confirmed, or the hard stop. */
export type FlagReason = ScreenQuestionId | ReportId | HardStopId;

export function isFlagReason(id: unknown): id is FlagReason {
  return (
    isScreenQuestionId(id) || isReportId(id) || (typeof id === 'string' && Object.hasOwn(HARD_STOPS, id))
  );
}

/** Where an urgent flag sends the person. */
export function routeOf(reason: FlagReason): Route {
  if (isScreenQuestionId(reason)) {
    const question: ScreenQuestion = SCREEN_QUESTIONS[reason];
    return question.route ?? 'today';
  }
  if (isReportId(reason)) {
    const report: Report = REPORTS[reason];
    return report.route ?? 'today';
  }
  return HARD_STOPS[reason].route;
}

/** An unclear answer is asked once more; still unclear gives the question's advice as a condition. */
export const MAX_UNCLEAR_ANSWERS = 1;

/** The cramp episode clock: facts §5(b), a cramp over about ten minutes that hasn't eased. */
export const EPISODE_LIMIT_MS = 10 * 60 * 1000;
