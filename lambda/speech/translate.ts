import type { ParseKeys } from 'i18next';
import type en from './locales/en.json';
import type screensEn from './locales/screens/en.json';

// i18next's typed keys: the English files are the shape every locale has, so the compiler checks every key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { display: typeof screensEn } };
  }
}

/** A key of the spoken strings, e.g. `menu.offer` or `routines.cramp.name`. */
export type MessageKey = ParseKeys;

/** The shape of a translation function; the i18next-backed one is built in i18n.ts. */
export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;
