import { ROUTINES } from '../../lambda/routines/data';
import { SCREEN_QUESTIONS } from '../../lambda/safety/red-flags';
import { RESOURCES } from '../../lambda/speech/i18n';
import { numberKey, screenKey, stepKey } from '../../lambda/speech/keys';
import { spokenStrings } from '../helpers/strings';

/**
 * The compiler checks every key written in the code (i18next's typed keys). Keys made from data ids
 * are checked here: every one the routines and the safety questions can make exists in every language.
 */
describe('keys made from data', () => {
  const made = [
    ...Object.values(ROUTINES).flatMap((routine) =>
      routine.steps.flatMap((step) =>
        (['title', 'instruction', 'details'] as const).map((field) => stepKey(routine, step, field)),
      ),
    ),
    ...Object.keys(SCREEN_QUESTIONS).map(screenKey),
    ...Object.values(ROUTINES).flatMap((routine) =>
      [...routine.shortScreen, ...routine.fullScreen].map(screenKey),
    ),
    // Step numbers and totals, said as words.
    ...Array.from({ length: Math.max(...Object.values(ROUTINES).map((r) => r.steps.length)) }, (_, i) =>
      numberKey(i + 1),
    ),
  ];

  it.each(['en', 'de', 'es'] as const)('all exist in %s', (lng) => {
    const keys = new Set(spokenStrings(RESOURCES[lng]).map(({ key }) => key));
    expect(made.length).toBeGreaterThan(40);
    expect([lng, made.filter((key) => !keys.has(key))]).toEqual([lng, []]);
  });

  it('a key the resources lack is reported, not passed', () => {
    const keys = new Set(spokenStrings(RESOURCES.en).map(({ key }) => key));
    expect(keys.has(screenKey('noSuchQuestion'))).toBe(false);
  });
});
