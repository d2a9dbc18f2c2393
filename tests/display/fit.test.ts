import { renderDocument } from '../../lambda/display/screens';
import { conditionalAdvice, flagAdvice, flagDisplay } from '../../lambda/safety/advice';
import {
  HARD_STOPS,
  REPORTS,
  SCREEN_QUESTIONS,
  type FlagLevel,
  type FlagReason,
} from '../../lambda/safety/red-flags';
import { ROUTINES } from '../../lambda/routines/data';
import { RESOURCES, translatorFor } from '../../lambda/speech/i18n';
import { toSsml } from '../../lambda/speech/ssml';
import { linkedDocument } from './documents';
import { check, documentOf } from './fit';
import { collectScreens, SCREEN_LOCALES, type Screen } from './screens';
import { DEVICES, PROFILES, profileOf } from './viewports';

/** Every red flag there is, with its level: each screen question's, each report's, each hard stop's. */
const FLAGS: readonly [FlagReason, FlagLevel][] = [
  ...Object.entries(SCREEN_QUESTIONS).flatMap(([id, q]): [FlagReason, FlagLevel][] =>
    q.onYes === 'skipTouch' ? [] : [[id as FlagReason, q.onYes]],
  ),
  ...Object.entries(REPORTS).map(([id, r]): [FlagReason, FlagLevel] => [id as FlagReason, r.level]),
  ...Object.entries(HARD_STOPS).map(([id, h]): [FlagReason, FlagLevel] => [id as FlagReason, h.level]),
];

/**
 * The advice the routines give as a condition, when an answer stays unclear: every screen question that
 * can raise a flag (a short screen's stop the routine; before massage, only massage, heat and cold are
 * left out, facts §5), and "is the pain severe or getting worse?". Reports and hard stops are always
 * imperatives.
 */
const CONDITIONAL: ReadonlySet<FlagReason> = new Set(
  [
    ...Object.values(ROUTINES).flatMap((r) => [...r.shortScreen, ...r.fullScreen] as FlagReason[]),
    'painWorse' as const,
  ].filter((reason) => FLAGS.some(([flagged]) => flagged === reason)),
);

/**
 * The screen of every red flag in every locale, confirmed, and as a condition where the routines give
 * it as one, whether or not today's conversations reach it.
 */
function everyFlagScreen(): Screen[] {
  return SCREEN_LOCALES.flatMap((locale) => {
    const t = translatorFor(locale);
    return FLAGS.flatMap(([reason, level]) =>
      (['confirmed', 'stops', 'goesOn'] as const)
        .filter((how) => how === 'confirmed' || CONDITIONAL.has(reason))
        .map((how) => {
          const confirmed = how === 'confirmed';
          const { document, datasources } = renderDocument(
            flagDisplay({ level, reason, confirmed, goesOn: how === 'goesOn' }, locale, t),
            t,
          );
          const speech = confirmed
            ? flagAdvice(level, reason, locale, t)
            : conditionalAdvice(level, reason, locale, t);
          return {
            locale,
            where: `${reason}, ${confirmed ? 'confirmed' : `as a condition (${how})`}`,
            document: linkedDocument(document),
            datasources,
            ssml: toSsml(speech),
          };
        }),
    );
  });
}

/**
 * Every screen the skill sends, in every locale, laid out on the six devices (the checks: ./fit.ts).
 */

let screens: Screen[] = [];
beforeAll(async () => {
  screens = await collectScreens();
}, 120_000);

describe('every screen, every locale, every viewport', () => {
  it('the devices are the six of the issue, one per profile', () => {
    expect(DEVICES.map((d) => profileOf(d)?.id)).toEqual(PROFILES.map((p) => p.id));
  });

  it('screens of every kind are collected in every locale', () => {
    for (const locale of SCREEN_LOCALES) {
      const kinds = new Set(screens.filter((s) => s.locale === locale).map(documentOf));
      expect([locale, [...kinds].sort()]).toEqual([locale, ['flag', 'message', 'step']]);
    }
  });

  it.each(DEVICES.map((d) => [d.name, d] as const))(
    '%s: every screen the skill sends fits, within its text budgets',
    (_name, device) => {
      const problems = screens.flatMap((screen) => check(screen, device));
      expect(problems.slice(0, 40)).toEqual([]);
    },
  );

  it.each(['en', 'de', 'es'] as const)(
    '%s: every advice given as a condition has its condition written for the screen',
    (lng) => {
      const written = Object.keys(RESOURCES[lng].display.flag.if);
      expect([...CONDITIONAL].filter((reason) => !written.includes(reason))).toEqual([]);
    },
  );

  it.each(DEVICES.map((d) => [d.name, d] as const))(
    '%s: the screen of every red flag, confirmed or as a condition, fits in every locale',
    (_name, device) => {
      const problems = everyFlagScreen().flatMap((screen) => check(screen, device));
      expect(problems.slice(0, 40)).toEqual([]);
    },
  );
});
