/** The shape of a translation function; the i18next-backed one is built in i18n.ts. */
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;
