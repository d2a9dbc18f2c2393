import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { availableLocales } from '../../lambda/local/simulator/models';
import { Resolver } from '../../lambda/local/simulator/nlu';
import { loadModel, ROOT } from '../helpers/model';

/**
 * How well the interaction models generalise, measured as Alexa's would be: phrasings that are not
 * samples (tests/nlu/held-out/<locale>.json; `npm run validate` fails if one becomes a sample), each with
 * the intent a person means by it, resolved by the nlp.js model trained from that locale's model.
 *
 * - `phrases`: held-out accuracy per locale, at least 90 %.
 * - `gibberish` and `offTopic`: AMAZON.FallbackIntent, every one. (An off-topic *question* that fits an
 *   OtherQuestionIntent carrier phrase, "what's the weather in chicago", goes to that intent by design:
 *   the skill says honestly it has no answer. Those are in `phrases`.)
 * - `unclear`: answers that are neither yes nor no ("I really don't know") never resolve to
 *   AMAZON.YesIntent or AMAZON.NoIntent: a safety question takes only a clear yes or no.
 */

interface HeldOut {
  readonly locale: string;
  readonly phrases: readonly { readonly text: string; readonly intent: string }[];
  readonly unclear: readonly string[];
  readonly gibberish: readonly string[];
  readonly offTopic: readonly string[];
}

const MIN_ACCURACY = 0.9;
const MIN_PHRASES = (locale: string): number => (locale.startsWith('en-') ? 60 : 40);
const MIN_FALLBACK_PHRASES = 20;

const heldOut = (locale: string): HeldOut =>
  JSON.parse(readFileSync(path.join(ROOT, 'tests', 'nlu', 'held-out', `${locale}.json`), 'utf8')) as HeldOut;

const accuracy = new Map<string, { right: number; total: number; misses: string[] }>();

afterAll(() => {
  const lines = [...accuracy.entries()].map(
    ([locale, { right, total, misses }]) =>
      `${locale}: ${String(right)}/${String(total)} = ${((100 * right) / total).toFixed(1)} %` +
      (misses.length > 0 ? `  (missed: ${misses.join('; ')})` : ''),
  );
  console.log(`Held-out accuracy per locale (nlp.js, threshold and rules in nlu.ts):\n${lines.join('\n')}`);
});

describe.each(availableLocales())('%s', (locale) => {
  const resolver = new Resolver(loadModel(locale), locale);
  const set = heldOut(locale);

  it(`resolves at least ${String(MIN_ACCURACY * 100)} % of the held-out phrasings to the intent meant`, () => {
    expect(set.locale).toBe(locale);
    expect(set.phrases.length).toBeGreaterThanOrEqual(MIN_PHRASES(locale));
    const misses: string[] = [];
    for (const { text, intent } of set.phrases) {
      const got = resolver.resolveIntent(text).name;
      if (got !== intent) misses.push(`"${text}" → ${got}, meant ${intent}`);
    }
    const right = set.phrases.length - misses.length;
    accuracy.set(locale, { right, total: set.phrases.length, misses });
    expect(right / set.phrases.length).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it('sends gibberish and off-topic requests to AMAZON.FallbackIntent, every one', () => {
    expect(set.gibberish.length).toBeGreaterThanOrEqual(MIN_FALLBACK_PHRASES);
    expect(set.offTopic.length).toBeGreaterThanOrEqual(MIN_FALLBACK_PHRASES);
    const resolved = [...set.gibberish, ...set.offTopic].map((text) => [
      text,
      resolver.resolveIntent(text).name,
    ]);
    expect(resolved.filter(([, intent]) => intent !== 'AMAZON.FallbackIntent')).toEqual([]);
  });

  it('never takes an unsure answer for a yes or a no', () => {
    expect(set.unclear.length).toBeGreaterThanOrEqual(5);
    const answers = set.unclear
      .map((text) => [text, resolver.resolveIntent(text).name])
      .filter(([, intent]) => intent === 'AMAZON.YesIntent' || intent === 'AMAZON.NoIntent');
    expect(answers).toEqual([]);
  });
});
