import { localDevice } from '../lambda/local/simulator/envelope';
import { availableLocales, loadModel } from '../lambda/local/simulator/models';
import { Resolver } from '../lambda/local/simulator/nlu';
import { Simulator, type Exchange, type SkillLike } from '../lambda/local/simulator/simulator';
import { MemoryPersistenceAdapter } from '../lambda/persistence/memory';
import { skillBuilder } from '../lambda/skill';
import { ssmlToPlainText } from '../lambda/speech/ssml';
import { countWords, WORDS_PER_SECOND } from '../lambda/speech/timing';
import { parseSession } from '../lambda/state/session';
import { SESSION_KEY } from '../lambda/turn/load';

/**
 * How long the one-shot cramp path takes to reach the first stretch, in every locale: "ask calf coach for
 * help with a cramp" in a new session, then "no" to each question until a step is read. Counted up to
 * that step's first break, where the first stretch's hold begins.
 */

// 35 words before "did this start with" (facts §5 decision 1) and the toe pull toward the shin (§2.1) came back.
export const FIRST_STRETCH_TARGET = { answers: 2, words: 45, seconds: 18 } as const;

/** Safety net: a path that has not reached a step after this many answers is reported as broken. */
const MAX_ANSWERS = 8;

export interface FirstStretch {
  readonly locale: string;
  /** Requests after the one-shot (each a "no"), up to the response that reads the first step. */
  readonly answers: number;
  /** Words spoken from the one-shot's response through the step's, up to its first break. */
  readonly words: number;
  /** The same as seconds of speech at 150 words a minute. */
  readonly seconds: number;
}

/** The plain text of SSML up to its first break (all of it when it has none). */
export function textBeforeFirstBreak(ssml: string): string {
  const at = ssml.search(/<break\b/);
  return ssmlToPlainText(at < 0 ? ssml : ssml.slice(0, at));
}

/** Whether a response reads a step with a hold: the session is at a step, and the speech has a break. */
function readsStretch(exchange: Exchange): boolean {
  if (!/<break\b/.test(exchange.ssml)) return false;
  const session = parseSession(exchange.response.sessionAttributes?.[SESSION_KEY], Date.now());
  return session !== undefined && session.stepIndex >= 0;
}

/** The first-stretch figures of one skill in one locale, as a first-time user on a device without a screen. */
export async function firstStretchOf(skill: SkillLike, locale: string): Promise<FirstStretch> {
  const simulator = new Simulator(
    skill,
    new Resolver(loadModel(locale), locale),
    localDevice({ locale, userId: `amzn1.ask.account.BENCH-FIRST-STRETCH-${locale}` }),
  );
  let exchange = await simulator.intent({ name: 'CrampReliefIntent', slots: [] }, true);
  const before: Exchange[] = [];
  let answers = 0;
  while (!readsStretch(exchange)) {
    if (exchange.ended || answers >= MAX_ANSWERS) {
      const why = exchange.ended ? 'the session ended' : `${String(MAX_ANSWERS)} answers`;
      throw new Error(`${locale}: no step read on the one-shot cramp path (${why}): ${exchange.text}`);
    }
    before.push(exchange);
    exchange = await simulator.intent({ name: 'AMAZON.NoIntent', slots: [] });
    answers++;
  }
  const words =
    before.reduce((sum, said) => sum + countWords(ssmlToPlainText(said.ssml)), 0) +
    countWords(textBeforeFirstBreak(exchange.ssml));
  return { locale, answers, words, seconds: words / WORDS_PER_SECOND };
}

/** The first-stretch figures of Calf Coach in every locale (availableLocales()), a new user each. */
export async function firstStretch(locales: readonly string[] = availableLocales()): Promise<FirstStretch[]> {
  const results: FirstStretch[] = [];
  for (const locale of locales) {
    const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
    results.push(await firstStretchOf(skill, locale));
  }
  return results;
}

/** The measures over their target ("words", "seconds"); none when the target is met. */
export function overTarget(figures: FirstStretch): string[] {
  return (['answers', 'words', 'seconds'] as const).filter(
    (measure) => figures[measure] > FIRST_STRETCH_TARGET[measure],
  );
}

/** The report's table: locale | answers | words | seconds of speech | target. */
export function firstStretchTable(figures: readonly FirstStretch[]): string {
  const { answers, words, seconds } = FIRST_STRETCH_TARGET;
  return [
    `| locale | answers | words | seconds of speech | target ≤ ${String(answers)} answers, ≤ ${String(words)} words, ≤ ${String(seconds)} s |`,
    '| --- | --- | --- | --- | --- |',
    ...figures.map(
      (row) =>
        `| ${row.locale} | ${String(row.answers)} | ${String(row.words)} | ${row.seconds.toFixed(1)} s | ${overTarget(row).length === 0 ? 'met' : `not met (${overTarget(row).join(', ')})`} |`,
    ),
  ].join('\n');
}
