/** Emergency and advice numbers by locale, from facts §6. No entry: say "your local emergency number". */
export interface LocaleNumbers {
  readonly emergency: string;
  /** A verified non-emergency advice line, where the locale has one. */
  readonly advice?: string;
}

const NUMBERS: Readonly<Record<string, LocaleNumbers>> = {
  'en-US': { emergency: '911' },
  'es-US': { emergency: '911' },
  'en-CA': { emergency: '911' },
  'en-GB': { emergency: '999', advice: '111' },
  'en-AU': { emergency: '000', advice: '1800022222' },
  'en-IN': { emergency: '112' },
  'de-DE': { emergency: '112', advice: '116117' },
};

export function numbersFor(locale: string): LocaleNumbers | undefined {
  return NUMBERS[locale];
}
