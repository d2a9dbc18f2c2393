import i18next from 'i18next';
import { I18NEXT_OPTIONS, RESOURCES, translatorFor } from '../../lambda/speech/i18n';
import type { MessageKey } from '../../lambda/speech/translate';

/**
 * Plain strings (no values to put in) are looked up without i18next, so a cold start that needs none of
 * it skips its set-up: for every key of every locale, the answer is the one i18next gives.
 */
describe('plain strings without i18next', () => {
  const reference = i18next.createInstance();
  void reference.init(I18NEXT_OPTIONS);

  function keys(tree: unknown, prefix = ''): string[] {
    if (typeof tree !== 'object' || tree === null) return [prefix];
    return Object.entries(tree).flatMap(([name, value]) => keys(value, prefix ? `${prefix}.${name}` : name));
  }

  const all = [...new Set(Object.values(RESOURCES).flatMap((tree) => keys(tree)))];

  it.each(['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'es-US', 'fr-FR', 'xx'])(
    '%s: every key reads as i18next reads it',
    (locale) => {
      const t = translatorFor(locale);
      const fixed = reference.getFixedT(locale);
      const differ = all.filter((key) => {
        const expected: unknown = fixed(key as MessageKey);
        return t(key as MessageKey) !== (typeof expected === 'string' ? expected : key);
      });
      expect(all.length).toBeGreaterThanOrEqual(300);
      expect(differ).toEqual([]);
    },
  );
});
