import i18next, { type TFunction } from 'i18next';
import de from './locales/de.json';
import en from './locales/en.json';
import enAU from './locales/en-AU.json';
import enCA from './locales/en-CA.json';
import enGB from './locales/en-GB.json';
import enIN from './locales/en-IN.json';
import es from './locales/es.json';
import type { Translate } from './translate';

/**
 * Spoken strings per locale. `en` (US wording), `de` and `es` are complete; the regional English files
 * hold only what differs from `en`. A locale without resources gets `en` (i18next's fallback).
 */
export const RESOURCES = {
  en,
  'en-GB': enGB,
  'en-CA': enCA,
  'en-AU': enAU,
  'en-IN': enIN,
  de,
  es,
} as const;

/** One i18next instance for the process, initialised synchronously with every locale's resources. */
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(RESOURCES).map(([lng, translation]) => [lng, { translation }]),
  ),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The translate function for a request's locale: en-GB reads en-GB, then en; es-US reads es, then en. */
export function translatorFor(locale: string): Translate {
  const fixed: TFunction = instance.getFixedT(locale);
  return (key, vars) => {
    const result: unknown = vars ? fixed(key, vars) : fixed(key);
    return typeof result === 'string' ? result : key;
  };
}
