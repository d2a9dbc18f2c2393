import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { MAX_TRANSLATIONS, translatorFor } from '../../lambda/speech/i18n';
import { escapeSsml, MAX_ESCAPED } from '../../lambda/speech/ssml';
import { MAX_COUNTED_TEXTS, secondsUntilAfter, WORDS_PER_SECOND } from '../../lambda/speech/timing';
import {
  changedFields,
  EMPTY_STORED,
  MAX_SPLIT_FINGERPRINTS,
  storedFingerprint,
} from '../../lambda/state/stored';
import { bundleTo, run } from '../helpers/process';

/**
 * The speech caches are keyed by values a session or a request carries (step indexes, hold scales,
 * locales): whatever comes, the heap of a warm Lambda stays flat.
 */

describe('bounded caches', () => {
  it('a translator keeps translating right past its cache bound', () => {
    const t = translatorFor('en-US');
    for (let i = 0; i < MAX_TRANSLATIONS * 3; i++) t('step.heading', { n: String(i), total: 'four' });
    expect(t('step.heading', { n: 'two', total: 'four' })).toBe('Step two of four.');
  });

  it('SSML escaping, word counts and saved fingerprints answer right past their cache bounds', () => {
    for (let i = 0; i < MAX_ESCAPED * 3; i++) escapeSsml(`Tom & Jerry's ${String(i)}`);
    expect(escapeSsml("Tom & Jerry's")).toBe('Tom &amp; Jerry&apos;s');
    for (let i = 0; i < MAX_COUNTED_TEXTS * 3; i++)
      secondsUntilAfter([{ text: `one two ${String(i)}` }], 'x');
    expect(secondsUntilAfter([{ text: 'one two three' }, { text: 'Hold.' }], 'Hold.')).toBeCloseTo(
      4 / WORDS_PER_SECOND,
    );
    for (let i = 0; i < MAX_SPLIT_FINGERPRINTS * 3; i++) changedFields(`not ours ${String(i)}`, EMPTY_STORED);
    expect(changedFields(storedFingerprint(EMPTY_STORED), EMPTY_STORED)).toEqual([]);
    expect(changedFields(storedFingerprint(EMPTY_STORED), { ...EMPTY_STORED, welcomed: true })).toEqual([
      'welcomed',
    ]);
  });

  it('60,000 turns (repeat, pause, stop, help) with varied step indexes, hold scales and locales: the heap does not grow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-heap-'));
    try {
      const bundle = path.join(dir, 'index.js');
      await bundleTo('lambda', bundle);
      const template = envelope(
        localDevice(),
        { sessionId: newSessionId(), isNew: false, attributes: {} },
        { type: 'IntentRequest', intent: { name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' } },
        new Date('2026-11-25T02:30:00Z'),
      );
      const script = path.join(dir, 'heap.js');
      writeFileSync(
        script,
        `const { handler } = require(${JSON.stringify(bundle)});
         const template = ${JSON.stringify(template)};
         const routines = ['cramp', 'afterRun', 'bedtime'];
         const intents = ['AMAZON.RepeatIntent', 'AMAZON.PauseIntent', 'AMAZON.StopIntent', 'AMAZON.HelpIntent'];
         const invoke = (i) => new Promise((resolve) => {
           const event = JSON.parse(JSON.stringify(template));
           event.request.intent.name = intents[i % intents.length];
           event.request.locale = i % 3 === 0 ? 'xx-' + (i % 500) : 'en-US';
           event.context.System.user.userId = 'u' + (i % 1000);
           event.session.attributes = { calfCoach: {
             v: 1, routineId: routines[i % 3], stepIndex: i, tries: i, sessionStartMs: Date.parse(template.request.timestamp),
             screening: { short: true, full: true, skipTouch: false },
             stored: { schemaVersion: 1, welcomed: true, preferences: { holdScale: 0.5 + (i % 1499) / 1000, rate: 'medium', quiet: false },
               progress: { routineId: routines[i % 3], stepIndex: i } },
             savedFingerprint: 'x' + i } };
           handler(event, {}).then(() => resolve());
         });
         (async () => {
           const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
           for (let i = 0; i < 10000; i++) await invoke(i);
           const early = heap();
           for (let i = 10000; i < 60000; i++) await invoke(i);
           const late = heap();
           process.stdout.write(JSON.stringify({ early, late }));
         })();`,
      );
      const done = await run(process.execPath, ['--expose-gc', script], {
        env: { ...process.env, CALF_COACH_LOG: 'silent' },
        timeoutMs: 120_000,
      });
      const { early, late } = JSON.parse(done.stdout) as { early: number; late: number };
      expect((late - early) / 1e6).toBeLessThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
