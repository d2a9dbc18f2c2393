/** The locale every reader falls back to: en-US wording, "your local emergency number". */
export const DEFAULT_LOCALE = 'en-US';

/**
 * The request's locale, read defensively from any envelope (even one too broken for ask-sdk): a
 * non-empty string, else en-US. The one place the fallback is decided.
 */
export function localeOf(envelope: unknown): string {
  const request: unknown = (envelope as { request?: unknown } | null | undefined)?.request;
  const locale: unknown = (request as { locale?: unknown } | null | undefined)?.locale;
  return typeof locale === 'string' && locale !== '' ? locale : DEFAULT_LOCALE;
}
