import type { v1 } from 'ask-smapi-model';
import { availableLocales } from '../../lambda/local/simulator/models';
import { Resolver, type InteractionModel } from '../../lambda/local/simulator/nlu';
import { loadModel } from '../helpers/model';

/**
 * Every sample of every model, said exactly, resolves to its own intent, with its slots filled: the
 * guarantee Alexa's build gives, and what the conversation tests rely on. A slot is said with each value
 * and synonym of a custom type, a time for AMAZON.TIME, and for AMAZON.SearchQuery words no sample
 * teaches (a query about something the skill knows, "can i put ice on it", is that intent instead).
 */

type SlotType = v1.skill.interactionModel.SlotType;

const OPEN_VALUES: Readonly<Record<string, Readonly<Record<string, readonly [string, string]>>>> = {
  en: { 'AMAZON.TIME': ['nine thirty pm', '21:30'], 'AMAZON.SearchQuery': ['quantum zebra juggling', ''] },
  de: { 'AMAZON.TIME': ['21 uhr', '21:00'], 'AMAZON.SearchQuery': ['quantenzebra jonglieren', ''] },
  es: {
    'AMAZON.TIME': ['las nueve de la noche', '21:00'],
    'AMAZON.SearchQuery': ['malabares cuánticos con cebras', ''],
  },
};

/** Each sample said with each value its slot can take (one sample per custom value and synonym). */
function spoken(
  model: InteractionModel,
  language: string,
): { text: string; intent: string; slot?: string }[] {
  const language_ = model.interactionModel.languageModel;
  const types = new Map<string, SlotType>((language_.types ?? []).map((type) => [type.name, type]));
  const out: { text: string; intent: string; slot?: string }[] = [];
  for (const intent of language_.intents) {
    const slotTypes = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type ?? '']));
    for (const sample of intent.samples ?? []) {
      const [, slotName] = /\{(\w+)\}/.exec(sample) ?? [];
      if (slotName === undefined) {
        out.push({ text: sample, intent: intent.name });
        continue;
      }
      const type = slotTypes.get(slotName) ?? '';
      const open = OPEN_VALUES[language]?.[type];
      const values = open
        ? [open[0]]
        : (types.get(type)?.values ?? []).flatMap((value) => [value.name.value, ...value.name.synonyms]);
      for (const value of values) {
        const text = sample.replace(`{${slotName}}`, value);
        out.push({ text, intent: intent.name, slot: slotName });
      }
    }
  }
  return out;
}

describe.each(availableLocales())('%s', (locale) => {
  const model = loadModel(locale);
  const resolver = new Resolver(model, locale);
  const language = locale.split('-')[0] ?? 'en';

  it('resolves every sample, said exactly, to its own intent with its slot filled', () => {
    const wrong: string[] = [];
    const said = spoken(model, language);
    expect(said.length).toBeGreaterThan(400);
    for (const { text, intent, slot } of said) {
      const match = resolver.resolveIntent(text);
      const filled = slot === undefined || match.slots.some((candidate) => candidate.name === slot);
      if (match.name !== intent || !filled)
        wrong.push(`"${text}" → ${match.name} ${JSON.stringify(match.slots)}`);
    }
    expect(wrong).toEqual([]);
  });
});
