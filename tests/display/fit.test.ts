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
 * CALF_COACH_SCREEN_TABLE=1 prints how many distinct screens of each kind show in full per device.
 */

let screens: Screen[] = [];
beforeAll(async () => {
  screens = await collectScreens();
}, 120_000);

/** Distinct screens (one per locale and datasource) of each kind, and how many of them show in full. */
function tally(all: readonly Screen[]): string {
  const kinds = ['step', 'message', 'flag'] as const;
  const rows = DEVICES.map((device) => {
    const cells = kinds.map((kind) => {
      const of = all.filter((s) => documentOf(s) === kind);
      const clean = of.filter((s) => check(s, device).length === 0).length;
      return `${String(clean)}/${String(of.length)}`;
    });
    return `| ${device.name} | ${cells.join(' | ')} |`;
  });
  return [
    '| viewport | step cards | messages | red-flag screens |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

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
    '%s: every screen the skill sends shows in full',
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
    '%s: the screen of every red flag, confirmed or as a condition, shows in full in every locale',
    (_name, device) => {
      const problems = everyFlagScreen().flatMap((screen) => check(screen, device));
      expect(problems.slice(0, 40)).toEqual([]);
    },
  );

  it('no text on any screen has a space before its punctuation', () => {
    const strays = [...screens, ...everyFlagScreen()].flatMap((screen) =>
      Object.values(screen.datasources).flatMap((data) =>
        Object.entries(data as Record<string, unknown>)
          .filter(([, value]) => typeof value === 'string' && /\s[.,:;!?)]/.test(value))
          .map(([key, value]) => `${screen.locale} · ${screen.where} · ${key}: ${String(value)}`),
      ),
    );
    expect(strays).toEqual([]);
  });

  if (process.env.CALF_COACH_SCREEN_TABLE)
    it('prints the screens that show in full, per device', () => {
      const flagScreens = everyFlagScreen();
      console.log(
        `every screen the skill sends:\n${tally(screens)}\n\nevery red flag's screen:\n${tally(flagScreens)}`,
      );
    });
});
