import i18next, { type TFunction } from 'i18next';
import en from './locales/en.json';
import type { Translate } from './translate';

/** One i18next instance for the process, initialised synchronously with every locale's resources. */
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: { en: { translation: en } },
  fallbackLng: 'en',
  supportedLngs: ['en'],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The translate function for a request's locale; unknown locales get English. */
export function translatorFor(locale: string): Translate {
  const fixed: TFunction = instance.getFixedT(locale);
  return (key, vars) => {
    const result: unknown = vars ? fixed(key, vars) : fixed(key);
    return typeof result === 'string' ? result : key;
  };
}
