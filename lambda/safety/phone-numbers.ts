/** Emergency and advice numbers by locale, from facts §6. No entry: say "your local emergency number". */
export interface LocaleNumbers {
  /** Written as people write them, groups apart ("1800 022 222"): said group by group, shown as written. */
  readonly emergency: string;
  /** How the emergency number is said where people don't say its digits ("triple zero"). */
  readonly emergencySaid?: string;
  /** A separate ambulance number said alongside the emergency one (en-IN: 112, or 108). */
  readonly ambulance?: string;
  /** A verified non-emergency advice line, where the locale has one. */
  readonly advice?: string;
}

const NUMBERS: Readonly<Record<string, LocaleNumbers>> = {
  'en-US': { emergency: '911' },
  'es-US': { emergency: '911' },
  // 811 is not verified for every province (facts §6), so en-CA gets no advice line.
  'en-CA': { emergency: '911' },
  'en-GB': { emergency: '999', advice: '111' },
  'en-AU': { emergency: '000', emergencySaid: 'triple zero', advice: '1800 022 222' },
  'en-IN': { emergency: '112', ambulance: '108' },
  'de-DE': { emergency: '112', advice: '116117' },
};

export function numbersFor(locale: unknown): LocaleNumbers | undefined {
  return typeof locale === 'string' && Object.hasOwn(NUMBERS, locale) ? NUMBERS[locale] : undefined;
}
