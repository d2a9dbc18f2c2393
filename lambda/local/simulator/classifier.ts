import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { Nlp, type NeuralCorpusItem, type NeuralNlu, type NluInput, type NlpStemmer } from '@nlpjs/nlp';

/**
 * An intent classifier trained with nlp.js (@nlpjs/nlp and its language packages): the same neural NLU,
 * tokenizer and stemmer nlp.js's `Nlp` trains and runs, driven step by step so that training and
 * classifying are synchronous (the resolver's callers, `npm run validate` among them, are).
 *
 * nlp.js's own `train()` and `process()` are async only because their pipeline awaits each step; the
 * steps themselves (tokenize and stem, the corpus's features, the perceptrons' training, a classification)
 * are plain synchronous functions, and those are what run here, with nlp.js's settings fixed below.
 * `tests/nlu/parity.test.ts` trains nlp.js's `Nlp` the usual async way on the same corpus and checks both
 * classify alike. The network starts from zero weights and sees the corpus in order: training is
 * deterministic. Nothing is saved or loaded (no model.nlp file).
 */

export interface TrainingExample {
  readonly utterance: string;
  readonly intent: string;
}

export interface Classification {
  readonly intent: string;
  readonly score: number;
}

/** nlp.js's name for "none of the intents": the class its none-feature trains. */
export const NLPJS_NONE = 'None';

/** Languages with an nlp.js package installed, and the plugin that registers each one's tokenizer and stemmer. */
const LANGUAGES: Readonly<Record<string, unknown>> = { en: LangEn, de: LangDe, es: LangEs };

export const supportedLanguage = (language: string): boolean => language in LANGUAGES;

/**
 * The NLU settings, for this driver and for an `Nlp` trained the usual way alike. `useNoneFeature`: words
 * never seen in training count towards "None", so off-topic talk scores low, as Alexa's fallback does.
 * `log: false`: no line per training epoch.
 */
export const NLU_SETTINGS: Readonly<Record<string, unknown>> = { useNoneFeature: true, log: false };

/**
 * A new nlp.js `Nlp` for one language, its language package registered, set up to train as this driver
 * does: nothing saved or loaded, no sentiment, the NLU settings above (nlp.js reads `nlu` both as the NLU
 * manager's settings and as a map of NLU classes per locale, so only flags go there), and no stem
 * dictionary (nlp.js's shortcut for exact samples: the resolver looks those up itself).
 */
export function newNlp(language: string): Nlp {
  const plugin = LANGUAGES[language];
  if (plugin === undefined) throw new Error(`nlp.js has no language package installed for "${language}"`);
  const nlp = new Nlp({
    languages: [language],
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    nlu: { ...NLU_SETTINGS },
  });
  nlp.container.use(plugin);
  const domainManager = nlp.nluManager.domainManagers[language];
  if (domainManager) domainManager.settings.useStemDict = false;
  return nlp;
}

export class IntentClassifier {
  private readonly nlu: NeuralNlu;
  private readonly stemmer: NlpStemmer;

  constructor(
    readonly language: string,
    examples: readonly TrainingExample[],
  ) {
    const nlp = newNlp(language);
    const nlu = nlp.nluManager.domainManagers[language]?.domains.master_domain;
    if (!nlu) throw new Error(`nlp.js did not set up an NLU for "${language}"`);
    this.nlu = nlu;
    this.stemmer = nlp.container.get(`stemmer-${language}`) as NlpStemmer;
    this.train(examples);
  }

  /** The utterance as nlp.js's NLU sees it: its stems, stop words kept (nlp.js's `prepare`). */
  features(text: string): Record<string, number> {
    const tokens: Record<string, number> = {};
    for (const stem of this.stemmer.tokenizeAndStem(text, true)) tokens[stem] = 1;
    return tokens;
  }

  /** nlp.js's training pipeline for its neural NLU: prepareCorpus, addNoneFeature, innerTrain. */
  private train(examples: readonly TrainingExample[]): void {
    const nlu = this.nlu;
    const features: Record<string, number> = {};
    const intents: Record<string, number> = {};
    const intentFeatures: Record<string, Record<string, number>> = {};
    const corpus: NeuralCorpusItem[] = examples.map(({ utterance, intent }) => {
      const input = this.features(utterance);
      const own = (intentFeatures[intent] ??= {});
      for (const feature of Object.keys(input)) {
        features[feature] = 1;
        own[feature] = 1;
      }
      intents[intent] = 1;
      return { input, output: { [intent]: 1 } };
    });
    const featuresToIntent: Record<string, string[]> = {};
    for (const [intent, own] of Object.entries(intentFeatures)) {
      for (const feature of Object.keys(own)) (featuresToIntent[feature] ??= []).push(intent);
    }
    nlu.features = features;
    nlu.intents = intents;
    nlu.intentFeatures = intentFeatures;
    nlu.featuresToIntent = featuresToIntent;
    nlu.spellCheck.setFeatures(features);
    nlu.numFeatures = Object.keys(features).length;
    nlu.numIntents = Object.keys(intents).length;
    corpus.push({ input: { nonefeature: 1 }, output: { [NLPJS_NONE]: 1 } });
    // innerTrain builds the network and trains it before its first await: it is trained on return.
    void nlu.innerTrain({ corpus, settings: { ...nlu.settings, ...NLU_SETTINGS } });
    if (!nlu.neuralNetwork?.isRunnable) throw new Error('nlp.js did not train its network synchronously');
  }

  /**
   * How much of what was said the intent's own training phrases account for: the share of the
   * utterance's stems that occur in them (1 when every word is one the intent was taught with).
   */
  coverage(text: string, intent: string): number {
    const stems = Object.keys(this.features(text));
    const own = this.nlu.intentFeatures[intent] ?? {};
    return stems.length === 0 ? 0 : stems.filter((stem) => own[stem] !== undefined).length / stems.length;
  }

  /**
   * Whether some word said is evidence for an intent at all: taught to at most this share of the intents,
   * or, said on its own, taught to one intent only. "the the the" and "el" are not ("the" is in the
   * samples of most intents); "slower" is.
   */
  hasSpecificWord(text: string, share: number): boolean {
    const stems = Object.keys(this.features(text));
    const limit = stems.length === 1 ? 1 : share * this.nlu.numIntents;
    return stems.some((stem) => {
      const taught = this.nlu.featuresToIntent[stem]?.length ?? 0;
      return taught > 0 && taught <= limit;
    });
  }

  /** Every intent the network activates for the utterance, best first, scores summing to 1 (nlp.js's `process`). */
  classify(text: string): Classification[] {
    const settings = { ...this.nlu.settings, ...NLU_SETTINGS };
    let input: NluInput = { text, settings, tokens: this.features(text) };
    input = this.nlu.textToFeatures(input);
    input = this.nlu.innerProcess(input);
    input = this.nlu.filterNonActivated(input);
    input = this.nlu.normalizeClassifications(input);
    return (input.classifications ?? []).map(({ intent, score }) => ({ intent, score }));
  }
}
