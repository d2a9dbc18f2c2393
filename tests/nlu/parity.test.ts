import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IntentClassifier, newNlp } from '../../lambda/local/simulator/classifier';
import { BUILT_IN_PHRASES } from '../../lambda/local/simulator/built-ins';
import { ModelCorpus } from '../../lambda/local/simulator/corpus';
import { classifierText } from '../../lambda/local/simulator/nlu';
import { loadModel, ROOT } from '../helpers/model';

/**
 * The resolver drives nlp.js's neural NLU step by step, synchronously (classifier.ts). Here nlp.js's own
 * `Nlp` is trained the usual way (`addDocument`, `await train()`, `await process()`) on the same corpus
 * with the same settings: both must classify every held-out phrase alike, scores included. And training
 * twice gives the same model (no randomness), without writing a file.
 */

const LOCALES = ['en-US', 'de-DE', 'es-US'];

describe.each(LOCALES)('%s', (locale) => {
  const language = locale.slice(0, 2);
  const corpus = new ModelCorpus(loadModel(locale), language, BUILT_IN_PHRASES[language] ?? {});
  const examples = corpus.training.map(({ utterance, intent }) => ({
    utterance: classifierText(utterance, language),
    intent,
  }));
  const heldOut = (
    JSON.parse(readFileSync(path.join(ROOT, 'tests', 'nlu', 'held-out', `${locale}.json`), 'utf8')) as {
      phrases: { text: string }[];
      gibberish: string[];
    }
  ).phrases
    .map(({ text }) => text)
    .concat(['purple monkey dishwasher'])
    .map((text) => classifierText(text, language));

  let mine: IntentClassifier;
  beforeAll(() => {
    mine = new IntentClassifier(language, examples);
  });

  it("classifies as nlp.js's own Nlp trained the usual way", async () => {
    const nlp = newNlp(language);
    for (const { utterance, intent } of examples) nlp.addDocument(language, utterance, intent);
    await nlp.train();
    for (const text of heldOut) {
      const theirs = (await nlp.process(language, text)).classifications.filter((c) => c.score > 0);
      const ours = mine.classify(text).filter((c) => c.score > 0);
      expect([text, ours.map((c) => c.intent)]).toEqual([text, theirs.map((c) => c.intent)]);
      ours.forEach((c, i) => {
        expect(c.score).toBeCloseTo(theirs[i]?.score ?? NaN, 6);
      });
    }
  });

  it('trains deterministically', () => {
    const again = new IntentClassifier(language, examples);
    for (const text of heldOut) expect(again.classify(text)).toEqual(mine.classify(text));
  });
});
