import i18next, { type TFunction } from 'i18next';
import de from './locales/de.json';
import en from './locales/en.json';
import screensDe from './locales/screens/de.json';
import screensEn from './locales/screens/en.json';
import screensEs from './locales/screens/es.json';
import enAU from './locales/en-AU.json';
import enCA from './locales/en-CA.json';
import enGB from './locales/en-GB.json';
import enIN from './locales/en-IN.json';
import es from './locales/es.json';
import type { Translate } from './translate';

/**
 * Strings per locale: what is spoken (`locales/<lng>.json`) and what a screen shows, written for
 * reading (`locales/screens/<lng>.json`, under `display`). `en` (US wording), `de` and `es` are
 * complete; the regional English files hold only what differs from `en`. A locale without resources
 * gets `en` (i18next's fallback).
 */
export const RESOURCES = {
  en: { ...en, display: screensEn },
  'en-GB': enGB,
  'en-CA': enCA,
  'en-AU': enAU,
  'en-IN': enIN,
  de: { ...de, display: screensDe },
  es: { ...es, display: screensEs },
} as const;

/** How i18next is set up: every locale's resources, `en` to fall back on, values put in as they are. */
export const I18NEXT_OPTIONS = {
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(RESOURCES).map(([lng, translation]) => [lng, { translation }]),
  ),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

let instance: typeof i18next | undefined;

/**
 * One i18next instance for the process, initialised synchronously with every locale's resources on its
 * first use: a string with values to put in (interpolation, plural forms) or of a locale outside the
 * skill's seven. Most strings are neither, and a cold start that needs none of i18next skips its set-up.
 */
function i18n(): typeof i18next {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init(I18NEXT_OPTIONS);
  return instance;
}

type Tree = Readonly<Record<string, unknown>>;

/**
 * Where a plain string is looked up for each of the skill's locales, as i18next resolves it: the
 * locale's own resources, then its language's, then `en`.
 */
const CHAINS: ReadonlyMap<string, readonly Tree[]> = new Map(
  ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'es-US'].map((locale) => {
    const own = (RESOURCES as Readonly<Record<string, Tree>>)[locale];
    const language = (RESOURCES as Readonly<Record<string, Tree>>)[locale.slice(0, 2)];
    return [locale, [own, language, RESOURCES.en].filter((tree): tree is Tree => tree !== undefined)];
  }),
);

/** The plain string at dotted `key` in the first tree that has one. */
function plain(chain: readonly Tree[], key: string): string | undefined {
  const parts = key.split('.');
  for (const tree of chain) {
    let node: unknown = tree;
    for (const part of parts) node = (node as Tree | undefined)?.[part];
    if (typeof node === 'string') return node;
  }
  return undefined;
}

const translators = new Map<string, Translate>();

/**
 * Bounds on what is kept, whatever requests and sessions carry: translators for this many locales (the
 * skill has seven; any other reads English), and this many translations in each (the values are step
 * numbers, durations, titles and phone numbers: a few hundred in practice). A full cache starts over.
 */
export const MAX_TRANSLATORS = 16;
export const MAX_TRANSLATIONS = 2000;

/**
 * The translate function for a request's locale: en-GB reads en-GB, then en; es-US reads es, then en.
 * Resources never change while the process runs, so each (key, values) is translated once and kept.
 */
export function translatorFor(locale: string): Translate {
  const known = translators.get(locale);
  if (known) return known;
  const chain = CHAINS.get(locale);
  let fixed: TFunction | undefined;
  const cache = new Map<string, string>();
  const translate: Translate = (key, vars) => {
    const id = vars ? `${key}\u0001${JSON.stringify(vars)}` : key;
    let text = cache.get(id);
    if (text === undefined) {
      text = !vars && chain ? plain(chain, key) : undefined;
      if (text === undefined) {
        fixed ??= i18n().getFixedT(locale);
        const result: unknown = vars ? fixed(key, vars) : fixed(key);
        text = typeof result === 'string' ? result : key;
      }
      if (cache.size >= MAX_TRANSLATIONS) cache.clear();
      cache.set(id, text);
    }
    return text;
  };
  // Unknown locales all read English: keep one translator per locale the skill has, not per request.
  if (translators.size < MAX_TRANSLATORS) translators.set(locale, translate);
  return translate;
}
