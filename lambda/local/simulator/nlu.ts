import type { v1 } from 'ask-smapi-model';
import { normalise } from './normalise';
import { timeSlotValue } from './time-slot';

export { normalise };

/**
 * Resolves typed or spoken words against a real ASK interaction model, the way Alexa's language
 * understanding would for exact phrasings: lowercase, punctuation ignored, sample utterances with slot
 * values, built-in intents by their usual phrases, anything else to AMAZON.FallbackIntent.
 */

/** An interaction model file (interaction-models/<locale>.json), as Amazon's SMAPI model types describe it. */
export type InteractionModel = v1.skill.interactionModel.InteractionModelData;
type SlotDefinition = v1.skill.interactionModel.SlotDefinition;
type SlotType = v1.skill.interactionModel.SlotType;
type TypeValue = v1.skill.interactionModel.TypeValue;

/**
 * A slot value's synonyms. The SMAPI type requires the list, but the JSON is parsed without a schema
 * check and a model written by hand may leave it out: treat that as no synonyms rather than fail.
 */
function synonymsOf(value: TypeValue): readonly string[] {
  return Array.isArray(value.name.synonyms) ? value.name.synonyms : [];
}

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

export type Understood =
  | { readonly kind: 'launch' }
  | { readonly kind: 'intent'; readonly intent: IntentMatch; readonly invokedSkill: boolean };

type Phrasebook = Readonly<Record<string, readonly string[]>>;

/** The phrases Alexa's built-in intents understand without samples, per language (a representative set). */
export const BUILT_IN_PHRASES: Readonly<Record<string, Phrasebook>> = {
  en: {
    'AMAZON.YesIntent': [
      'yes',
      'yeah',
      'yep',
      'yup',
      'sure',
      'ok',
      'okay',
      'yes please',
      'of course',
      'correct',
      'i do',
      'it is',
      'i am',
      'alright',
      'go ahead',
      'yes it is',
      'yes i do',
      'yes i am',
      'uh huh',
    ],
    'AMAZON.NoIntent': [
      'no',
      'nope',
      'nah',
      'no thanks',
      'no thank you',
      'not really',
      "i don't",
      "it isn't",
      'not at all',
      "no it isn't",
      "no i don't",
      "no i'm not",
      "i'm not",
      "no it's not",
      'negative',
    ],
    'AMAZON.HelpIntent': [
      'help',
      'help me',
      'what can i say',
      'what do i do',
      'i need help',
      'how does this work',
    ],
    'AMAZON.StopIntent': [
      'stop',
      'stop it',
      'quit',
      'exit',
      'stop talking',
      "that's enough",
      "i'm done",
      'end',
      'goodbye',
      'bye',
    ],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it', 'cancel that'],
    'AMAZON.NextIntent': [
      'next',
      'next step',
      'next one',
      'skip',
      'skip this',
      'go on',
      'move on',
      'keep going',
      "what's next",
      'ready',
      "i'm ready",
      'done',
      'okay next',
    ],
    'AMAZON.PreviousIntent': [
      'previous',
      'go back',
      'back',
      'previous step',
      'last step',
      'the one before',
      'go back one',
    ],
    'AMAZON.RepeatIntent': [
      'repeat',
      'say that again',
      'again',
      'repeat that',
      'what did you say',
      'one more time',
      'pardon',
      'can you repeat that',
      'repeat the step',
    ],
    'AMAZON.StartOverIntent': [
      'start over',
      'start again',
      'restart',
      'from the beginning',
      'begin again',
      'start from the top',
    ],
    'AMAZON.PauseIntent': ['pause', 'pause it', 'hold on', 'wait', 'pause the routine', 'take a break'],
    'AMAZON.ResumeIntent': ['resume', 'continue', 'unpause'],
    'AMAZON.NavigateHomeIntent': ['go home', 'home', 'main menu', 'menu', 'back to the menu'],
  },
  de: {
    'AMAZON.YesIntent': [
      'ja',
      'jawohl',
      'genau',
      'klar',
      'gerne',
      'ja bitte',
      'richtig',
      'stimmt',
      'ja habe ich',
      'ja ist es',
      'okay',
    ],
    'AMAZON.NoIntent': [
      'nein',
      'nee',
      'nö',
      'nein danke',
      'auf keinen fall',
      'habe ich nicht',
      'nein habe ich nicht',
      'nein ist es nicht',
      'gar nicht',
      'nicht wirklich',
    ],
    'AMAZON.HelpIntent': ['hilfe', 'hilf mir', 'was kann ich sagen', 'wie funktioniert das'],
    'AMAZON.StopIntent': ['stopp', 'stop', 'aufhören', 'beenden', 'hör auf', 'schluss', 'ende', 'tschüss'],
    'AMAZON.CancelIntent': ['abbrechen', 'vergiss es', 'egal'],
    'AMAZON.NextIntent': [
      'weiter',
      'nächster schritt',
      'nächste',
      'überspringen',
      'fertig',
      'bin fertig',
      'los',
    ],
    'AMAZON.PreviousIntent': ['zurück', 'vorheriger schritt', 'geh zurück', 'der schritt davor'],
    'AMAZON.RepeatIntent': [
      'wiederholen',
      'wiederhole',
      'nochmal',
      'noch einmal',
      'sag das nochmal',
      'wie bitte',
    ],
    'AMAZON.StartOverIntent': ['von vorne', 'neu anfangen', 'nochmal von vorne', 'von anfang an'],
    'AMAZON.PauseIntent': ['pause', 'pausieren', 'warte', 'moment', 'kurz warten'],
    'AMAZON.ResumeIntent': ['fortsetzen', 'weitermachen', 'mach weiter'],
    'AMAZON.NavigateHomeIntent': ['startseite', 'hauptmenü', 'menü', 'zum menü'],
  },
  es: {
    'AMAZON.YesIntent': [
      'sí',
      'claro',
      'vale',
      'de acuerdo',
      'por supuesto',
      'sí por favor',
      'correcto',
      'sí tengo',
      'sí es',
      'eso es',
    ],
    'AMAZON.NoIntent': ['no', 'no gracias', 'para nada', 'no tengo', 'no es', 'tampoco', 'nada', 'no no'],
    'AMAZON.HelpIntent': ['ayuda', 'ayúdame', 'qué puedo decir', 'cómo funciona'],
    'AMAZON.StopIntent': ['para', 'parar', 'detente', 'basta', 'salir', 'termina', 'adiós', 'alto'],
    'AMAZON.CancelIntent': ['cancela', 'cancelar', 'olvídalo', 'déjalo'],
    'AMAZON.NextIntent': [
      'siguiente',
      'el siguiente',
      'próximo paso',
      'sigue',
      'adelante',
      'salta',
      'listo',
      'ya está',
    ],
    'AMAZON.PreviousIntent': ['atrás', 'anterior', 'paso anterior', 'vuelve atrás', 'regresa'],
    'AMAZON.RepeatIntent': ['repite', 'repítelo', 'otra vez', 'de nuevo', 'qué dijiste', 'cómo'],
    'AMAZON.StartOverIntent': ['empieza de nuevo', 'desde el principio', 'volver a empezar', 'reinicia'],
    'AMAZON.PauseIntent': ['pausa', 'pausar', 'espera', 'un momento'],
    'AMAZON.ResumeIntent': ['continúa', 'continuar', 'reanuda', 'reanudar', 'seguir'],
    'AMAZON.NavigateHomeIntent': ['inicio', 'menú', 'menú principal', 'ir al inicio'],
  },
};

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

const languageOf = (locale: string): string => locale.split('-')[0] ?? 'en';

interface CompiledSample {
  readonly intent: string;
  readonly pattern: RegExp;
  readonly slotNames: readonly string[];
  readonly literalLength: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Resolver {
  private readonly samples: CompiledSample[] = [];
  private readonly slotTypes = new Map<string, SlotType>();
  private readonly intentSlots = new Map<string, readonly SlotDefinition[]>();
  private readonly invocation: string;
  private readonly hasFallback: boolean;
  private readonly words: InvocationWords;

  constructor(
    model: InteractionModel,
    private readonly locale = 'en-US',
  ) {
    const lang = languageOf(locale);
    const builtIns = BUILT_IN_PHRASES[lang] ?? BUILT_IN_PHRASES.en ?? {};
    this.words = INVOCATION[lang] ?? INVOCATION.en ?? { launch: [], ask: [], connectors: [] };
    const language = model.interactionModel.languageModel;
    this.invocation = normalise(language.invocationName);
    for (const type of language.types ?? []) this.slotTypes.set(type.name, type);
    this.hasFallback = language.intents.some((intent) => intent.name === 'AMAZON.FallbackIntent');
    for (const intent of language.intents) {
      this.intentSlots.set(intent.name, intent.slots ?? []);
      const phrases = [...(intent.samples ?? []), ...(builtIns[intent.name] ?? [])];
      for (const phrase of phrases) this.samples.push(this.compile(intent.name, phrase));
    }
  }

  private compile(intent: string, sample: string): CompiledSample {
    const slotNames: string[] = [];
    let literalLength = 0;
    // Slot references keep their names as written; the words around them are normalised.
    const source = sample
      .split(/(\{\w+\})/)
      .map((piece) => {
        const slot = /^\{(\w+)\}$/.exec(piece);
        if (slot?.[1]) {
          slotNames.push(slot[1]);
          return '(.+?)';
        }
        const words = normalise(piece);
        literalLength += words.replace(/ /g, '').length;
        return escapeRegex(words);
      })
      .filter((piece) => piece !== '')
      .join(' ');
    return { intent, pattern: new RegExp(`^${source}$`), slotNames, literalLength };
  }

  private resolveSlot(intent: string, name: string, value: string): SlotMatch | undefined {
    const type = this.intentSlots.get(intent)?.find((slot) => slot.name === name)?.type;
    if (type === 'AMAZON.TIME') {
      const time = timeSlotValue(value, this.locale);
      return time === undefined ? undefined : { name, value: time };
    }
    const custom = type ? this.slotTypes.get(type) : undefined;
    if (!type || !custom) return { name, value };
    for (const entry of custom.values ?? []) {
      const words = [entry.name.value, ...synonymsOf(entry)].map(normalise);
      if (words.includes(value)) {
        return { name, value, resolved: { id: entry.id ?? entry.name.value, name: entry.name.value, type } };
      }
    }
    return undefined;
  }

  /** The intent a phrase (without the invocation) resolves to. */
  resolveIntent(text: string): IntentMatch {
    const words = normalise(text);
    let best: { match: IntentMatch; literal: number; slots: number } | undefined;
    for (const sample of this.samples) {
      const found = sample.pattern.exec(words);
      if (!found) continue;
      const resolved = sample.slotNames.map((name, i) =>
        this.resolveSlot(sample.intent, name, found[i + 1] ?? ''),
      );
      const slots = resolved.filter((slot): slot is SlotMatch => slot !== undefined);
      if (slots.length < resolved.length) continue;
      const better =
        !best ||
        sample.slotNames.length < best.slots ||
        (sample.slotNames.length === best.slots && sample.literalLength > best.literal);
      if (better)
        best = {
          match: { name: sample.intent, slots },
          literal: sample.literalLength,
          slots: sample.slotNames.length,
        };
    }
    if (best) return best.match;
    return { name: this.hasFallback ? 'AMAZON.FallbackIntent' : 'AMAZON.HelpIntent', slots: [] };
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
    const invoked = new RegExp(`^(${verbs}) ${escapeRegex(this.invocation)}(?: (.*))?$`).exec(words);
    if (invoked) {
      const rest = invoked[2]?.trim() ?? '';
      if (rest === '') return { kind: 'launch' };
      const [first, ...others] = rest.split(' ');
      const connectors = this.words.connectors.map(normalise);
      const withoutConnector = first && connectors.includes(first) ? others.join(' ') : rest;
      const direct = this.resolveIntent(rest);
      const intent = direct.name === 'AMAZON.FallbackIntent' ? this.resolveIntent(withoutConnector) : direct;
      return { kind: 'intent', intent, invokedSkill: true };
    }
    return { kind: 'intent', intent: this.resolveIntent(words), invokedSkill: false };
  }
}
