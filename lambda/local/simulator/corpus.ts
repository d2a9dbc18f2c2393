import type { v1 } from 'ask-smapi-model';
import type { TrainingExample } from './classifier';
import { normalise } from './normalise';

/**
 * What an interaction model teaches the resolver: the samples spelled out with their slot values, the
 * way Alexa's build reads them. Custom slot types are enumerable, so a sample such as "i'm {posture}" is
 * spelled out with every value and synonym of POSTURE; open slot types (AMAZON.TIME, AMAZON.SearchQuery,
 * a slot without a type) are not, so those samples stay templates, and the classifier learns them from a
 * few example values per language.
 */

export type InteractionModel = v1.skill.interactionModel.InteractionModelData;
type SlotType = v1.skill.interactionModel.SlotType;
type TypeValue = v1.skill.interactionModel.TypeValue;

export interface SlotMatch {
  readonly name: string;
  readonly value: string;
  /** The slot type's value this resolved to (entity resolution), for custom slot types. */
  readonly resolved?: { readonly id: string; readonly name: string; readonly type: string };
}

export interface IntentMatch {
  readonly name: string;
  readonly slots: readonly SlotMatch[];
}

/** A sample phrase that matches exactly: the intent and slots it gives, and how specific it is. */
export interface ExactEntry {
  readonly match: IntentMatch;
  readonly slotCount: number;
  readonly literalLength: number;
}

/** A sample with slots, as a pattern over normalised words: `(.+?)` where each slot is. */
export interface Template {
  readonly intent: string;
  readonly sample: string;
  readonly pattern: RegExp;
  readonly slots: readonly { readonly name: string; readonly type: string | undefined }[];
  /** The sample's own words, normalised (the slots left out). */
  readonly words: readonly string[];
  readonly literalLength: number;
}

/** A slot type's value with every phrase that names it, normalised. */
interface Entry {
  readonly id: string;
  readonly name: string;
  readonly phrases: readonly string[];
}

/**
 * A slot value's synonyms. The SMAPI type requires the list, but the JSON is parsed without a schema
 * check and a model written by hand may leave it out: treat that as no synonyms rather than fail.
 */
function synonymsOf(value: TypeValue): readonly string[] {
  return Array.isArray(value.name.synonyms) ? value.name.synonyms : [];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Example values of the open built-in slot types, for training only (entity values come from the words said). */
const OPEN_EXAMPLES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    'AMAZON.TIME': ['nine pm', 'nine thirty', 'ten oclock', 'seven am', 'eight in the evening', 'bedtime'],
    'AMAZON.SearchQuery': [
      'running a marathon',
      'yoga',
      'compression socks',
      'my knee',
      'swimming after eating',
      'drinking coffee',
      'my blood pressure',
      'shin splints',
    ],
  },
  de: {
    'AMAZON.TIME': ['einundzwanzig uhr', 'neun uhr abends', 'zehn uhr', 'sieben uhr morgens', 'acht uhr'],
    'AMAZON.SearchQuery': [
      'einen marathon laufen',
      'yoga',
      'kompressionsstrümpfe',
      'mein knie',
      'schwimmen nach dem essen',
      'kaffee trinken',
      'meinen blutdruck',
      'schienbeinschmerzen',
    ],
  },
  es: {
    'AMAZON.TIME': ['las nueve de la noche', 'las nueve', 'las diez', 'las siete de la mañana', 'las ocho'],
    'AMAZON.SearchQuery': [
      'correr un maratón',
      'yoga',
      'medias de compresión',
      'mi rodilla',
      'nadar después de comer',
      'tomar café',
      'mi presión arterial',
      'dolor en la espinilla',
    ],
  },
};

/** How many spelled-out variants of one slot sample the classifier trains on (all of them match exactly). */
const TRAINING_VARIANTS = 6;
/** A sample with several slots is spelled out only this far (each value still appears). */
const MAX_EXPANSIONS = 5000;

export class ModelCorpus {
  readonly invocationName: string;
  readonly hasFallback: boolean;
  readonly intentNames: readonly string[];
  private readonly types = new Map<string, readonly Entry[]>();
  private readonly slotTypes = new Map<string, Map<string, string | undefined>>();
  private readonly exact = new Map<string, ExactEntry>();
  readonly templates: readonly Template[];
  readonly training: readonly TrainingExample[];
  /** Intents with no sample that can be said without a value for one of its custom slots. */
  readonly needsSlot: ReadonlyMap<string, readonly string[]>;

  constructor(
    readonly model: InteractionModel,
    readonly language: string,
    builtIns: Readonly<Record<string, readonly string[]>>,
  ) {
    const languageModel = model.interactionModel.languageModel;
    this.invocationName = normalise(languageModel.invocationName);
    this.intentNames = languageModel.intents.map((intent) => intent.name);
    this.hasFallback = this.intentNames.includes('AMAZON.FallbackIntent');
    for (const type of languageModel.types ?? []) this.types.set(type.name, entriesOf(type));
    const templates: Template[] = [];
    const training: TrainingExample[] = [];
    const needsSlot = new Map<string, string[]>();
    for (const intent of languageModel.intents) {
      const slots = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type]));
      this.slotTypes.set(intent.name, slots);
      const samples = intent.samples ?? [];
      const required = [...slots.entries()]
        .filter(([, type]) => this.isCustom(type))
        .map(([name]) => name)
        .filter((name) => samples.length > 0 && samples.every((sample) => sample.includes(`{${name}}`)));
      if (required.length > 0) needsSlot.set(intent.name, required);
      let rotation = 0;
      for (const phrase of [...samples, ...(builtIns[intent.name] ?? [])]) {
        const template = compile(intent.name, phrase, slots);
        if (template.slots.length > 0) templates.push(template);
        const spelled = this.spellOut(template);
        for (const entry of spelled) this.addExact(entry.text, entry.match, template);
        if (template.slots.length === 0) {
          training.push({ utterance: phrase, intent: intent.name });
        } else if (spelled.length > 0) {
          // Every variant matches exactly; the classifier learns a few of each sample, rotating through
          // the values from one sample to the next so that each is learnt.
          const count = Math.min(TRAINING_VARIANTS, spelled.length);
          for (let k = 0; k < count; k++) {
            const pick = spelled[(rotation + k) % spelled.length];
            if (pick) training.push({ utterance: pick.text, intent: intent.name });
          }
          rotation += count;
        } else {
          // Open slots: the classifier learns the sample with a few example values.
          for (const text of this.openExamples(template))
            training.push({ utterance: text, intent: intent.name });
        }
      }
    }
    this.templates = templates.sort(
      (a, b) => a.slots.length - b.slots.length || b.literalLength - a.literalLength,
    );
    this.training = training;
    this.needsSlot = needsSlot;
  }

  private isCustom(type: string | undefined): boolean {
    return type !== undefined && this.types.has(type);
  }

  /** The slot's type, for an intent of the model. */
  slotType(intent: string, slot: string): string | undefined {
    return this.slotTypes.get(intent)?.get(slot);
  }

  slotNames(intent: string): readonly string[] {
    return [...(this.slotTypes.get(intent)?.keys() ?? [])];
  }

  private addExact(text: string, match: IntentMatch, template: Template): void {
    const entry = { match, slotCount: template.slots.length, literalLength: template.literalLength };
    const known = this.exact.get(text);
    const better =
      !known ||
      entry.slotCount < known.slotCount ||
      (entry.slotCount === known.slotCount && entry.literalLength > known.literalLength);
    if (better) this.exact.set(text, entry);
  }

  /** An exact sample phrasing (normalised), with slot values from a custom type's values and synonyms. */
  exactMatch(words: string): ExactEntry | undefined {
    return this.exact.get(words);
  }

  /**
   * A sample spelled out with every value of its custom slots; none when a slot is open (AMAZON.TIME,
   * AMAZON.SearchQuery, no type) or its type has no values.
   */
  private spellOut(template: Template): { text: string; match: IntentMatch }[] {
    let partial: { text: string; slots: SlotMatch[] }[] = [{ text: template.pattern.source, slots: [] }];
    for (const slot of template.slots) {
      const entries = slot.type ? this.types.get(slot.type) : undefined;
      if (!entries || entries.length === 0) return [];
      const next: { text: string; slots: SlotMatch[] }[] = [];
      for (const { text, slots } of partial) {
        for (const entry of entries) {
          for (const phrase of entry.phrases) {
            if (next.length >= MAX_EXPANSIONS) break;
            next.push({
              text: text.replace('(.+?)', phrase),
              slots: [...slots, this.slotMatch(slot.name, phrase, entry, slot.type ?? '')],
            });
          }
        }
      }
      partial = next;
    }
    return partial.map(({ text, slots }) => ({
      text: text.slice(1, -1).replace(/\\(.)/g, '$1'),
      match: { name: template.intent, slots },
    }));
  }

  private slotMatch(name: string, value: string, entry: Entry, type: string): SlotMatch {
    return { name, value, resolved: { id: entry.id, name: entry.name, type } };
  }

  /** A template's words with example values of its open slots (and the first value of a custom one). */
  private openExamples(template: Template): string[] {
    const examples: string[] = [];
    const rounds = Math.max(
      1,
      ...template.slots.map((slot) => OPEN_EXAMPLES[this.language]?.[slot.type ?? '']?.length ?? 1),
    );
    const pieces = template.sample.split(/(\{\w+\})/);
    for (let round = 0; round < Math.min(rounds, 4); round++) {
      const text = pieces
        .map((piece) => {
          const name = /^\{(\w+)\}$/.exec(piece)?.[1];
          if (name === undefined) return piece;
          const type = template.slots.find((slot) => slot.name === name)?.type ?? '';
          const values = OPEN_EXAMPLES[this.language]?.[type] ?? [];
          return values.length === 0 ? '' : (values[(round + template.literalLength) % values.length] ?? '');
        })
        .join(' ');
      const words = normalise(text);
      if (words !== '' && !examples.includes(words)) examples.push(words);
    }
    return examples;
  }

  /** The custom type's value a phrase names exactly (entity resolution), if any. */
  resolveValue(type: string, phrase: string): SlotMatch['resolved'] | undefined {
    const words = normalise(phrase);
    for (const entry of this.types.get(type) ?? []) {
      if (entry.phrases.includes(words)) return { id: entry.id, name: entry.name, type };
    }
    return undefined;
  }

  /** The longest value or synonym of a custom type said anywhere in the words, on word boundaries. */
  findValue(
    type: string,
    words: string,
  ): { value: string; resolved: NonNullable<SlotMatch['resolved']> } | undefined {
    let best: { value: string; resolved: NonNullable<SlotMatch['resolved']> } | undefined;
    const padded = ` ${words} `;
    for (const entry of this.types.get(type) ?? []) {
      for (const phrase of entry.phrases) {
        if (phrase === '' || !padded.includes(` ${phrase} `)) continue;
        if (!best || phrase.length > best.value.length)
          best = { value: phrase, resolved: { id: entry.id, name: entry.name, type } };
      }
    }
    return best;
  }
}

function entriesOf(type: SlotType): Entry[] {
  return (type.values ?? []).map((value) => ({
    id: value.id ?? value.name.value,
    name: value.name.value,
    phrases: [...new Set([value.name.value, ...synonymsOf(value)].map(normalise))].filter((p) => p !== ''),
  }));
}

/** A sample as a pattern over normalised words; slot references keep their names as written. */
export function compile(
  intent: string,
  sample: string,
  slotTypes: ReadonlyMap<string, string | undefined>,
): Template {
  const slots: { name: string; type: string | undefined }[] = [];
  const words: string[] = [];
  const source = sample
    .split(/(\{\w+\})/)
    .map((piece) => {
      const slot = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (slot !== undefined) {
        slots.push({ name: slot, type: slotTypes.get(slot) });
        return '(.+?)';
      }
      const normalised = normalise(piece);
      if (normalised !== '') words.push(...normalised.split(' '));
      return escapeRegex(normalised);
    })
    .filter((piece) => piece !== '')
    .join(' ');
  return {
    intent,
    sample,
    pattern: new RegExp(`^${source}$`),
    slots,
    words,
    literalLength: words.join('').length,
  };
}
