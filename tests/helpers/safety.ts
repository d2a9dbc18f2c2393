import { RESOURCES } from '../../lambda/speech/i18n';
import { spokenStrings } from './strings';

/** The resources a locale reads first: the regional English files override `en`. */
function resourcesFor(locale: string): readonly { key: string; text: string }[] {
  const language = locale.split('-')[0] ?? 'en';
  const base = language === 'de' ? RESOURCES.de : language === 'es' ? RESOURCES.es : RESOURCES.en;
  const regional = Object.entries(RESOURCES).find(([name]) => name === locale)?.[1];
  const texts = new Map(spokenStrings(base).map(({ key, text }) => [key, text]));
  if (regional && regional !== base)
    for (const { key, text } of spokenStrings(regional)) texts.set(key, text);
  return [...texts].map(([key, text]) => ({ key, text }));
}

export const text = (locale: string, key: string): string =>
  resourcesFor(locale).find((s) => s.key === key)?.text ?? key;

/**
 * An imperative safety instruction, as the person hears it: "Please stop the routine… call…", "Please
 * don't stretch, massage or warm that leg", "Let's stop the routine here". Conditional advice ("If you
 * have chest pain…, call…") is not one.
 */
export function givesImperative(said: string, locale = 'en-US'): boolean {
  return ['flag.emergencyStop', 'flag.urgentStop', 'flag.hardStop'].some((key) =>
    said.includes(text(locale, key)),
  );
}

/** A stretch, massage, heat or cold instruction, or a step heading, in that locale. */
export function givesStep(said: string, locale = 'en-US'): boolean {
  const instructions = resourcesFor(locale)
    .filter(({ key }) => /^routines\.\w+\.steps\.\w+\.instruction/.test(key))
    .map((s) => s.text);
  const heading = new RegExp(
    `^${text(locale, 'step.heading')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\\\{\\\{\w+\\\}\\\}/g, '\\S+')}`,
  );
  return (
    instructions.some((i) => said.includes(i)) || said.split(/(?<=[.?!])\s+/).some((s) => heading.test(s))
  );
}

/** "I need a yes or a no": what an unclear answer hears, never a command. */
export const asksForYesOrNo = (said: string, locale = 'en-US'): boolean =>
  said.includes(text(locale, 'screen.unclear'));
