import en from '../../lambda/speech/locales/en.json';

/** Every string the skill can speak, from the locale resources, with its key. */
export function spokenStrings(resources: unknown = en, prefix = ''): { key: string; text: string }[] {
  if (typeof resources === 'string') return [{ key: prefix, text: resources }];
  if (typeof resources !== 'object' || resources === null) return [];
  return Object.entries(resources).flatMap(([key, value]) =>
    spokenStrings(value, prefix ? `${prefix}.${key}` : key),
  );
}
