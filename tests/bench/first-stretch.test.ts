import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  firstStretch,
  firstStretchOf,
  firstStretchTable,
  textBeforeFirstBreak,
} from '../../bench/first-stretch';
import { availableLocales } from '../../lambda/local/simulator/models';
import { countWords, WORDS_PER_SECOND } from '../../lambda/speech/timing';
import type { SkillLike } from '../../lambda/local/simulator/simulator';

process.env.CALF_COACH_LOG ??= 'silent';

/** A skill whose answers are known: two questions, then a step with a hold. It records what it was sent. */
class KnownSkill implements SkillLike {
  readonly sent: string[] = [];

  invoke(request: RequestEnvelope): Promise<ResponseEnvelope> {
    const body = request.request;
    this.sent.push(body.type === 'IntentRequest' ? body.intent.name : body.type);
    const answers: Record<number, { ssml: string; step?: number }> = {
      // A short break that is not a hold: the path goes on.
      1: { ssml: `<speak>I&apos;m here. <break time="300ms"/> Two questions. Any chest pain?</speak>` },
      2: { ssml: '<speak>Any injury — or call <say-as interpret-as="digits">112</say-as>?</speak>' },
      3: {
        ssml: '<speak><prosody rate="85%">Okay. Toes up, gently. Hold. <break time="10000ms"/> Ten more. <break time="10000ms"/> And relax.</prosody></speak>',
        step: 0,
      },
    };
    const answer = answers[this.sent.length] ?? { ssml: '<speak>Goodbye.</speak>' };
    return Promise.resolve({
      version: '1.0',
      sessionAttributes: answer.step === undefined ? {} : { calfCoach: { v: 1, stepIndex: answer.step } },
      response: { outputSpeech: { type: 'SSML', ssml: answer.ssml }, shouldEndSession: false },
    });
  }
}

describe('bench: the first stretch on the one-shot cramp path', () => {
  it('counts words as tokens with a letter or a digit, and cuts the last answer at its first break', () => {
    expect(countWords("I'm here. … Ten — more. 1 1 2")).toBe(7);
    expect(countWords('  ')).toBe(0);
    expect(textBeforeFirstBreak('<speak>Hold. <break time="10000ms"/> Ten more.</speak>')).toBe('Hold.');
    expect(textBeforeFirstBreak('<speak>No break here.</speak>')).toBe('No break here.');
  });

  it('measures a known conversation: the one-shot, two answers, then the step up to its hold', async () => {
    const skill = new KnownSkill();
    const figures = await firstStretchOf(skill, 'en-US');
    expect(skill.sent).toEqual(['CrampReliefIntent', 'AMAZON.NoIntent', 'AMAZON.NoIntent']);
    // "I'm here. Two questions. Any chest pain?" 7, "Any injury or call 1 1 2?" 7, "Okay. Toes up, gently. Hold." 5.
    expect(figures).toEqual({ locale: 'en-US', answers: 2, words: 19, seconds: 7.6 });
  });

  it('measures Calf Coach in every locale (printed; the target is not asserted here)', async () => {
    const figures = await firstStretch();
    console.log(`first stretch, one-shot cramp path:\n${firstStretchTable(figures)}`);
    expect(figures.map((row) => row.locale)).toEqual(availableLocales());
    for (const row of figures) {
      expect(row.answers).toBeGreaterThanOrEqual(1);
      expect(row.words).toBeGreaterThan(0);
      expect(row.seconds).toBeCloseTo(row.words / WORDS_PER_SECOND, 10);
    }
  });

  it('marks each row against the target in the report table', () => {
    const table = firstStretchTable([
      { locale: 'en-US', answers: 2, words: 45, seconds: 18 },
      { locale: 'de-DE', answers: 2, words: 50, seconds: 20 },
    ]);
    expect(table).toContain('| en-US | 2 | 45 | 18.0 s | met |');
    expect(table).toContain('| de-DE | 2 | 50 | 20.0 s | not met (words, seconds) |');
    expect(table.split('\n')[0]).toBe(
      '| locale | answers | words | seconds of speech | target ≤ 2 answers, ≤ 45 words, ≤ 18 s |',
    );
  });
});
