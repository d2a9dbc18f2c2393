import type { Routine, RoutineId } from './types';

/**
 * The three routines, from the facts file's §9 "Defaults for routines". Hold and repeat numbers are
 * product defaults, not sourced numbers, and are never presented as advice from a health authority.
 */
export const ROUTINES: Readonly<Record<RoutineId, Routine>> = {
  cramp: {
    id: 'cramp',
    shortScreen: ['emergencySigns', 'injuryOrClot'],
    fullScreen: ['limbEmergency', 'clotSigns', 'skinOrFeeling'],
    resumeScreen: ['resumeEmergency', 'resumeInjuryClot', 'skinOrFeeling'],
    steps: [
      {
        id: 'toePull',
        kind: 'stretch',
        holdSeconds: 30,
        repeats: 1,
        side: 'affected',
        checkEasing: { maxTries: 3 },
        standing: true,
        facts: ['2.1', '2.2'],
      },
      { id: 'jiggle', kind: 'movement', holdSeconds: 30, repeats: 1, side: 'affected', facts: ['2.3'] },
      { id: 'rub', kind: 'massage', holdSeconds: 60, repeats: 1, side: 'affected', facts: ['2.4'] },
      {
        id: 'warmth',
        kind: 'heat',
        holdSeconds: 900,
        longHold: 'upTo',
        repeats: 1,
        side: 'affected',
        timer: true,
        facts: ['2.5', '2'],
      },
    ],
    closingFacts: ['1.3', '5(b)'],
    quickStart: true,
    watchesEpisodeClock: true,
    offersReminder: false,
  },
  afterRun: {
    id: 'afterRun',
    shortScreen: ['runEmergency', 'runInjury', 'runUrine'],
    fullScreen: ['changedSinceRun', 'skinOrFeeling'],
    resumeScreen: ['runEmergency', 'resumeRunInjury', 'skinOrFeeling'],
    steps: [
      {
        id: 'walk',
        kind: 'movement',
        holdSeconds: 240,
        longHold: 'about',
        repeats: 1,
        side: 'both',
        facts: ['3.5'],
      },
      {
        id: 'wallStretch',
        kind: 'stretch',
        holdSeconds: 30,
        repeats: 2,
        side: 'leftThenRight',
        facts: ['3.1', '3.5'],
      },
      {
        id: 'towelStretch',
        kind: 'stretch',
        holdSeconds: 30,
        repeats: 2,
        side: 'leftThenRight',
        facts: ['2.1'],
      },
      {
        id: 'selfMassage',
        kind: 'massage',
        holdSeconds: 60,
        repeats: 1,
        side: 'leftThenRight',
        facts: ['4'],
      },
      {
        id: 'cold',
        kind: 'cold',
        holdSeconds: 720,
        longHold: 'upTo',
        repeats: 1,
        side: 'affected',
        facts: ['2'],
      },
    ],
    closingFacts: ['4'],
    watchesEpisodeClock: false,
    offersReminder: false,
  },
  bedtime: {
    id: 'bedtime',
    shortScreen: ['emergencySigns', 'newOneSidedChange'],
    fullScreen: [],
    resumeScreen: [],
    steps: [
      {
        id: 'bedToePull',
        kind: 'stretch',
        holdSeconds: 30,
        repeats: 2,
        side: 'leftThenRight',
        facts: ['2.1', '3.3'],
      },
      { id: 'bedding', kind: 'care', holdSeconds: 0, repeats: 1, side: 'none', facts: ['3.3'] },
    ],
    closingFacts: ['3.4'],
    watchesEpisodeClock: false,
    offersReminder: true,
  },
};

export function isRoutineId(value: unknown): value is RoutineId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROUTINES, value);
}
