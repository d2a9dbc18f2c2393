import { createHash } from 'node:crypto';
import { BUILT_IN_PHRASES } from './built-ins';
import { IntentClassifier, NLPJS_NONE, supportedLanguage, type Classification } from './classifier';
import {
  compile,
  ModelCorpus,
  type InteractionModel,
  type IntentMatch,
  type SlotMatch,
  type Template,
} from './corpus';
import { normalise } from './normalise';
import { timeSlotValue } from './time-slot';

export { BUILT_IN_PHRASES, normalise };
export type { InteractionModel, IntentMatch, SlotMatch };

/**
 * Resolves typed or spoken words against a real ASK interaction model, as Alexa's language understanding
 * does: a statistical model trained from the model's own samples (nlp.js, one per locale) generalises
 * beyond them, slot values are recognised in what was said (custom types with entity resolution to
 * their ids, AMAZON.TIME, AMAZON.SearchQuery), and a score under the threshold is AMAZON.FallbackIntent.
 *
 * The order, as Alexa's build guarantees it: a sample said exactly resolves to its intent (with any
 * value or synonym of its custom slots, or any time an AMAZON.TIME slot takes); anything else is
 * classified by nlp.js; what the classifier does not place but fits a carrier phrase of an
 * AMAZON.SearchQuery sample ("what is …") is that intent, with the rest as the query.
 */

export type Understood =
  | { readonly kind: 'launch' }
  | { readonly kind: 'intent'; readonly intent: IntentMatch; readonly invokedSkill: boolean };

/** One step of understanding, for reports and tests: the classifier's view of an utterance. */
export interface Explained {
  readonly intent: IntentMatch;
  /** How it was decided. */
  readonly by: 'exact' | 'classifier' | 'carrier' | 'fallback';
  /** The classifier's best guesses (empty for an exact sample). */
  readonly scores: readonly Classification[];
}

/**
 * Scores under this are AMAZON.FallbackIntent. nlp.js's own default is 0.5; the held-out phrases
 * (tests/nlu/held-out/) and the off-topic ones were measured against it.
 */
export const FALLBACK_THRESHOLD = 0.5;

/**
 * An intent is chosen only if its own samples account for at least this share of the words said: a
 * phrase that shares one word with an intent ("what time does the shop close" and "what?") is not it.
 */
export const MIN_COVERAGE = 0.5;

/**
 * Words taught to more than this share of the intents ("the", "el", "what") are no evidence on their own:
 * an utterance with no other word is not understood (nor one word alone that several intents share).
 */
export const MAX_SHARED = 0.5;

interface InvocationWords {
  readonly launch: readonly string[];
  readonly ask: readonly string[];
  readonly connectors: readonly string[];
}

/** How people invoke a skill in each language: "open calf coach", "ask calf coach for …". */
const INVOCATION: Readonly<Record<string, InvocationWords>> = {
  en: {
    launch: ['open', 'launch', 'start', 'begin', 'load', 'run', 'use', 'play'],
    ask: ['ask', 'tell'],
    connectors: ['to', 'for', 'about', 'that', 'if', 'whether', 'and'],
  },
  de: {
    launch: ['öffne', 'öffnen', 'starte', 'starten', 'start', 'beginne'],
    ask: ['frag', 'frage', 'sag', 'sage', 'bitte'],
    connectors: ['nach', 'um', 'ob', 'dass', 'wegen', 'bei', 'zu', 'und'],
  },
  es: {
    launch: ['abre', 'abrir', 'inicia', 'empieza', 'comienza', 'usa'],
    ask: ['pide a', 'pídele a', 'pregunta a', 'pregúntale a', 'dile a'],
    connectors: ['que', 'por', 'para', 'sobre', 'si', 'y'],
  },
};

/** English contractions as they come out of `normalise` (apostrophes dropped), spelled out for the classifier. */
const CONTRACTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {
    im: 'i am',
    ive: 'i have',
    youre: 'you are',
    youve: 'you have',
    hes: 'he is',
    shes: 'she is',
    its: 'it is',
    thats: 'that is',
    whats: 'what is',
    wheres: 'where is',
    whos: 'who is',
    hows: 'how is',
    theres: 'there is',
    heres: 'here is',
    lets: 'let us',
    theyre: 'they are',
    weve: 'we have',
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    cant: 'can not',
    cannot: 'can not',
    wont: 'will not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    shouldnt: 'should not',
    couldnt: 'could not',
    wouldnt: 'would not',
    gonna: 'going to',
    wanna: 'want to',
  },
};

const languageOf = (locale: string): string => locale.split('-')[0] ?? 'en';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the classifier reads (and learns from): normalised words, English contractions spelled out. */
export function classifierText(text: string, language: string): string {
  const words = normalise(text);
  const table = CONTRACTIONS[language];
  if (!table) return words;
  return words
    .split(' ')
    .map((word) => table[word] ?? word)
    .join(' ');
}

/**
 * What one locale's interaction model teaches, built once per process: the corpus at once, the nlp.js
 * model on first use (a phrase that is exactly a sample never needs it).
 */
class Trained {
  private model: IntentClassifier | undefined;

  constructor(readonly corpus: ModelCorpus) {}

  get classifier(): IntentClassifier | undefined {
    const { language, training } = this.corpus;
    if (!this.model && supportedLanguage(language)) {
      this.model = new IntentClassifier(
        language,
        training.map(({ utterance, intent }) => ({ utterance: classifierText(utterance, language), intent })),
      );
    }
    return this.model;
  }
}

const TRAINED = new Map<string, Trained>();

function trained(model: InteractionModel, locale: string): Trained {
  const language = languageOf(locale);
  const key = `${locale}:${createHash('sha256').update(JSON.stringify(model)).digest('hex')}`;
  let known = TRAINED.get(key);
  if (!known) {
    known = new Trained(
      new ModelCorpus(model, language, BUILT_IN_PHRASES[language] ?? BUILT_IN_PHRASES.en ?? {}),
    );
    TRAINED.set(key, known);
  }
  return known;
}

export class Resolver {
  private readonly trained: Trained;
  private readonly words: InvocationWords;
  private readonly language: string;

  constructor(
    model: InteractionModel,
    private readonly locale = 'en-US',
    /** Scores under this are AMAZON.FallbackIntent. */
    private readonly threshold = FALLBACK_THRESHOLD,
  ) {
    this.language = languageOf(locale);
    this.words = INVOCATION[this.language] ?? INVOCATION.en ?? { launch: [], ask: [], connectors: [] };
    this.trained = trained(model, locale);
  }

  private get corpus(): ModelCorpus {
    return this.trained.corpus;
  }

  /** The nlp.js model, trained on first use. */
  get classifier(): IntentClassifier | undefined {
    return this.trained.classifier;
  }

  private get fallback(): IntentMatch {
    return { name: this.corpus.hasFallback ? 'AMAZON.FallbackIntent' : 'AMAZON.HelpIntent', slots: [] };
  }

  /** The intent a phrase (without the invocation) resolves to. */
  resolveIntent(text: string): IntentMatch {
    return this.explain(text).intent;
  }

  /** The intent a phrase resolves to, and how. */
  explain(text: string): Explained {
    const words = normalise(text);
    if (words === '') return { intent: this.fallback, by: 'fallback', scores: [] };
    const exact = this.exactMatch(words);
    if (exact) return { intent: exact, by: 'exact', scores: [] };
    const spelled = classifierText(words, this.language);
    const classifier = this.classifier;
    // Words that fit a carrier phrase of an AMAZON.SearchQuery sample ("how do i …") are another intent
    // only if that intent accounts for the query too, not just for the carrier's words.
    const carried = this.carrierMatch(words) ?? this.carrierMatch(spelled);
    const query = carried?.slots.find(
      (slot) => this.corpus.slotType(carried.name, slot.name) === 'AMAZON.SearchQuery',
    )?.value;
    const queryText = query === undefined ? undefined : classifierText(query, this.language);
    const specific = classifier?.hasSpecificWord(spelled, MAX_SHARED) ?? false;
    const scores = specific ? (classifier?.classify(spelled) ?? []) : [];
    for (const { intent, score } of scores) {
      if (score < this.threshold) break;
      if (intent === NLPJS_NONE || intent === 'AMAZON.FallbackIntent') break;
      if ((classifier?.coverage(spelled, intent) ?? 0) < MIN_COVERAGE) continue;
      if (
        queryText !== undefined &&
        intent !== carried?.name &&
        (classifier?.coverage(queryText, intent) ?? 0) < MIN_COVERAGE
      )
        continue;
      const match = this.withSlots(intent, words);
      if (match) return { intent: match, by: 'classifier', scores };
    }
    if (carried) return { intent: carried, by: 'carrier', scores };
    return { intent: this.fallback, by: 'fallback', scores };
  }

  /** The intent of which the phrase is exactly a sample (with any value its slots take), if any. */
  sampleMatch(text: string): IntentMatch | undefined {
    return this.exactMatch(normalise(text));
  }

  /** A sample said exactly: spelled out with its custom slot values, or a template of open slots. */
  private exactMatch(words: string): IntentMatch | undefined {
    const spelled = this.corpus.exactMatch(words);
    let best: { match: IntentMatch; slots: number; literal: number } | undefined = spelled
      ? { match: spelled.match, slots: spelled.slotCount, literal: spelled.literalLength }
      : undefined;
    if (best?.slots === 0) return best.match;
    for (const template of this.corpus.templates) {
      if (best && template.slots.length > best.slots) break;
      if (template.slots.some((slot) => slot.type === 'AMAZON.SearchQuery')) continue;
      const found = template.pattern.exec(words);
      if (!found) continue;
      const slots = template.slots.map((slot, i) =>
        this.slotValue(template.intent, slot.name, found[i + 1] ?? ''),
      );
      if (slots.some((slot) => slot === undefined)) continue;
      const match = { name: template.intent, slots: slots.filter((slot): slot is SlotMatch => !!slot) };
      const better =
        !best ||
        template.slots.length < best.slots ||
        (template.slots.length === best.slots && template.literalLength > best.literal);
      if (better) best = { match, slots: template.slots.length, literal: template.literalLength };
    }
    return best?.match;
  }

  /** A slot's value as said (whole), resolved by its type; undefined if the type does not take it. */
  private slotValue(intent: string, name: string, value: string): SlotMatch | undefined {
    const type = this.corpus.slotType(intent, name);
    if (type === 'AMAZON.TIME') {
      const time = timeSlotValue(value, this.locale);
      return time === undefined ? undefined : { name, value: time };
    }
    if (type === undefined || type.startsWith('AMAZON.')) return { name, value };
    const resolved = this.corpus.resolveValue(type, value);
    return resolved ? { name, value, resolved } : undefined;
  }

  /**
   * The intent with its slots filled from what was said, as Alexa tags slots in a phrasing it has not
   * seen: the sample closest in words gives the slots; a custom slot takes the longest of its values said;
   * a time slot the longest time expression; a search query what follows the carrier phrase. Undefined
   * when the intent cannot be said without a value it did not find (PostureIntent with no posture).
   */
  private withSlots(intent: string, words: string): IntentMatch | undefined {
    const templates = this.corpus.templates.filter((template) => template.intent === intent);
    if (templates.length === 0) return { name: intent, slots: [] };
    const said = new Set(words.split(' '));
    const closest = [...templates].sort((a, b) => overlap(b, said) - overlap(a, said))[0];
    const slots: SlotMatch[] = [];
    for (const slot of closest?.slots ?? []) {
      const found = this.findSlot(intent, slot.name, slot.type, words);
      if (found) slots.push(found);
    }
    const required = this.corpus.needsSlot.get(intent) ?? [];
    if (required.some((name) => !slots.some((slot) => slot.name === name))) return undefined;
    return { name: intent, slots };
  }

  private findSlot(
    intent: string,
    name: string,
    type: string | undefined,
    words: string,
  ): SlotMatch | undefined {
    if (type === 'AMAZON.TIME') return this.findTime(name, words);
    if (type === undefined || type.startsWith('AMAZON.')) {
      for (const template of this.corpus.templates) {
        if (template.intent !== intent) continue;
        const index = template.slots.findIndex((slot) => slot.name === name);
        const value = index < 0 ? undefined : template.pattern.exec(words)?.[index + 1];
        if (value) return { name, value };
      }
      return type === 'AMAZON.SearchQuery' ? { name, value: words } : undefined;
    }
    const found = this.corpus.findValue(type, words);
    return found ? { name, value: found.value, resolved: found.resolved } : undefined;
  }

  /** The longest run of words that is a time (AMAZON.TIME), e.g. "nine thirty pm" in "remind me at nine thirty pm". */
  private findTime(name: string, words: string): SlotMatch | undefined {
    const tokens = words.split(' ');
    for (let length = Math.min(tokens.length, 6); length > 0; length--) {
      for (let start = 0; start + length <= tokens.length; start++) {
        const time = timeSlotValue(tokens.slice(start, start + length).join(' '), this.locale);
        if (time !== undefined) return { name, value: time };
      }
    }
    return undefined;
  }

  /** Words the classifier does not place that fit a carrier phrase of an AMAZON.SearchQuery sample. */
  private carrierMatch(words: string): IntentMatch | undefined {
    for (const template of this.corpus.templates) {
      if (!template.slots.some((slot) => slot.type === 'AMAZON.SearchQuery')) continue;
      const found = template.pattern.exec(words);
      if (!found) continue;
      const slots = template.slots.map((slot, i) => ({ name: slot.name, value: found[i + 1] ?? '' }));
      if (slots.every((slot) => slot.value !== '')) return { name: template.intent, slots };
    }
    return undefined;
  }

  /**
   * The value of one slot of an intent, from an answer to Alexa's question for it (Dialog.ElicitSlot):
   * the slot's own samples ("{time}", "at {time}"), or the intent said again with the slot filled.
   */
  fillSlot(intent: string, slot: string, text: string): SlotMatch | undefined {
    const words = normalise(text);
    const definition = this.corpus.model.interactionModel.languageModel.intents
      .find((candidate) => candidate.name === intent)
      ?.slots?.find((candidate) => candidate.name === slot);
    if (!definition) return undefined;
    const slotTypes = new Map([[slot, definition.type]]);
    for (const sample of definition.samples ?? []) {
      const template = compile(intent, sample, slotTypes);
      const found = template.pattern.exec(words);
      const index = template.slots.findIndex((candidate) => candidate.name === slot);
      const value = index < 0 ? undefined : found?.[index + 1];
      const match = value === undefined ? undefined : this.slotValue(intent, slot, value);
      if (match) return match;
    }
    const again = this.resolveIntent(text);
    return again.name === intent ? again.slots.find((candidate) => candidate.name === slot) : undefined;
  }

  /**
   * The intent's dialog model (interactionModel.dialog), if it has one: the slots Alexa collects, each
   * with whether it is required and the first variation of its elicitation prompt.
   */
  dialog(intent: string): DialogModel | undefined {
    const { interactionModel } = this.corpus.model;
    const dialog = interactionModel.dialog?.intents.find((candidate) => candidate.name === intent);
    if (!dialog) return undefined;
    const promptText = (id: string | undefined): string | undefined =>
      interactionModel.prompts?.find((prompt) => prompt.id === id)?.variations[0]?.value;
    return {
      slots: (dialog.slots ?? []).map((slot) => {
        const prompt = promptText(slot.prompts.elicitation);
        return {
          name: slot.name,
          required: slot.elicitationRequired === true,
          ...(prompt ? { prompt } : {}),
        };
      }),
    };
  }

  /**
   * Name-free interaction: what the model's `_nameFreeInteraction` ingress points make of words said
   * without the skill's name: "launch" for a skill launch phrase, the intent for an intent launch phrase
   * or words that resolve to one of those intents; undefined otherwise.
   */
  nameFree(text: string): 'launch' | IntentMatch | undefined {
    let words = normalise(text);
    if (words.startsWith('alexa ')) words = words.slice('alexa '.length);
    const points = nameFreeOf(this.corpus.model);
    if (points.some((point) => point.type === 'LAUNCH' && point.phrases.includes(words))) return 'launch';
    const intents = new Set(
      points.flatMap((point) => (point.type === 'INTENT' && point.name ? [point.name] : [])),
    );
    // An intent launch phrase has no slots (Alexa's rule): said exactly, it is that intent.
    const said = points.find((point) => point.type === 'INTENT' && point.phrases.includes(words));
    if (said?.name) return { name: said.name, slots: [] };
    const intent = this.resolveIntent(words);
    return intents.has(intent.name) ? intent : undefined;
  }

  /**
   * A whole utterance: "open calf coach" launches, "ask calf coach for help with a cramp" is a one-shot,
   * and anything else is said inside the current session.
   */
  understand(text: string): Understood {
    let words = normalise(text);
    if (words.startsWith('alexa ')) words = words.slice('alexa '.length);
    const verbs = [...this.words.launch, ...this.words.ask]
      .map((verb) => escapeRegex(normalise(verb)))
      .join('|');
    const invoked = new RegExp(`^(${verbs}) ${escapeRegex(this.corpus.invocationName)}(?: (.*))?$`).exec(
      words,
    );
    if (invoked) {
      const rest = invoked[2]?.trim() ?? '';
      if (rest === '') return { kind: 'launch' };
      const [first, ...others] = rest.split(' ');
      const connectors = this.words.connectors.map(normalise);
      const withoutConnector = first && connectors.includes(first) ? others.join(' ') : rest;
      // The connector belongs to the invocation ("ask … to"), unless the sample itself starts with it.
      const intent = this.exactMatch(rest) ?? this.resolveIntent(withoutConnector);
      return { kind: 'intent', intent, invokedSkill: true };
    }
    return { kind: 'intent', intent: this.resolveIntent(words), invokedSkill: false };
  }
}

export interface DialogModel {
  readonly slots: readonly { readonly name: string; readonly required: boolean; readonly prompt?: string }[];
}

/** An ingress point of `_nameFreeInteraction` (not in the SMAPI types this project uses), phrases normalised. */
interface IngressPoint {
  readonly type: 'LAUNCH' | 'INTENT';
  readonly name?: string;
  readonly phrases: readonly string[];
}

/** The model's name-free ingress points, read defensively (the file is parsed without a schema check). */
export function nameFreeOf(model: InteractionModel): IngressPoint[] {
  const container = (model.interactionModel as { _nameFreeInteraction?: unknown })._nameFreeInteraction;
  const points = (container as { ingressPoints?: unknown } | undefined)?.ingressPoints;
  if (!Array.isArray(points)) return [];
  return points.flatMap((point: unknown) => {
    const { type, name, sampleUtterances } = (point ?? {}) as {
      type?: unknown;
      name?: unknown;
      sampleUtterances?: unknown;
    };
    if (type !== 'LAUNCH' && type !== 'INTENT') return [];
    const phrases = Array.isArray(sampleUtterances)
      ? sampleUtterances.flatMap((sample: unknown) => {
          const value = (sample as { value?: unknown } | null)?.value;
          return typeof value === 'string' ? [normalise(value)] : [];
        })
      : [];
    return [{ type, ...(typeof name === 'string' ? { name } : {}), phrases }];
  });
}

function overlap(template: Template, said: ReadonlySet<string>): number {
  if (template.words.length === 0) return 0;
  return template.words.filter((word) => said.has(word)).length / template.words.length;
}
