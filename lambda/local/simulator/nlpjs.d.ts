/**
 * The parts of nlp.js (https://github.com/axa-group/nlp.js, v4) the local resolver uses. nlp.js ships
 * no type declarations; these describe only what `classifier.ts` calls, as the 4.26/4.27 sources define it.
 */

declare module '@nlpjs/nlp' {
  /** A classification of one utterance: each intent with its score, best first. */
  export interface NlpClassification {
    readonly intent: string;
    readonly score: number;
  }

  /** One corpus item as nlp.js's neural network learns it: the utterance's stems, and its intent. */
  export interface NeuralCorpusItem {
    readonly input: Record<string, number>;
    readonly output: Record<string, number>;
  }

  /** What nlp.js's NLU pipeline passes from one step to the next for one utterance. */
  export interface NluInput {
    text?: string;
    settings: Record<string, unknown>;
    tokens: Record<string, number>;
    classifications?: NlpClassification[];
  }

  /** nlp.js's neural intent classifier for one language (`NeuralNlu` of @nlpjs/nlu). */
  export interface NeuralNlu {
    settings: Record<string, unknown>;
    features: Record<string, number>;
    intents: Record<string, number>;
    intentFeatures: Record<string, Record<string, number>>;
    featuresToIntent: Record<string, string[]>;
    numFeatures: number;
    numIntents: number;
    spellCheck: { setFeatures(features: Record<string, number>): void };
    neuralNetwork?: { readonly isRunnable: boolean };
    innerTrain(input: { corpus: NeuralCorpusItem[]; settings: Record<string, unknown> }): Promise<unknown>;
    textToFeatures(input: NluInput): NluInput;
    innerProcess(input: NluInput): NluInput;
    filterNonActivated(input: NluInput): NluInput;
    normalizeClassifications(input: NluInput): NluInput;
  }

  /** A language's stemmer (with its tokenizer), registered as `stemmer-<language>`. */
  export interface NlpStemmer {
    tokenizeAndStem(text: string, keepStopwords?: boolean): string[];
  }

  export interface NlpContainer {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }

  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly classifications: readonly NlpClassification[];
  }

  export class Nlp {
    constructor(settings?: Record<string, unknown>);
    readonly container: NlpContainer;
    readonly nluManager: {
      readonly domainManagers: Record<
        string,
        { readonly domains: Record<string, NeuralNlu>; settings: Record<string, unknown> } | undefined
      >;
    };
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-en' {
  /** Registers the language's tokenizer, stemmer and normaliser in an nlp.js container. */
  export const LangEn: new () => { register(container: unknown): void };
}

declare module '@nlpjs/lang-de' {
  /** Registers the language's tokenizer, stemmer and normaliser in an nlp.js container. */
  export const LangDe: new () => { register(container: unknown): void };
}

declare module '@nlpjs/lang-es' {
  /** Registers the language's tokenizer, stemmer and normaliser in an nlp.js container. */
  export const LangEs: new () => { register(container: unknown): void };
}
