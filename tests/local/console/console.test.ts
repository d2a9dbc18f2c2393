import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { segments, VoiceConsole } from '../../../lambda/local/console/console';
import { run, type Finished } from '../../helpers/process';

/** `npm start` bundles the console first; on a busy machine that can take a while. */
const NPM_START_MS = 60_000;
const TEST_MS = 2 * NPM_START_MS + 10_000;

/** Runs `npm start` for real, as a person would, with a scripted stdin. */
function npmStart(
  input: string,
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Finished> {
  return run('npm', ['start', '--silent', '--', ...args], {
    input,
    env: { CALF_COACH_DATA_DIR: dataDir, ...env },
    timeoutMs: NPM_START_MS,
  });
}

describe('npm start: the voice console', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'calf-coach-console-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'a scripted conversation prints what Alexa says and exits 0; a second run resumes',
    async () => {
      const first = await npmStart(
        [
          'open calf coach',
          'ask calf coach for help with a cramp',
          'no',
          'no',
          'yes',
          'repeat',
          'pause',
        ].join('\n'),
        dataDir,
        ['--fast'],
      );
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('you> open calf coach\nAlexa: Welcome to Calf Coach.');
      expect(first.stdout).toMatch(
        /you> no\nAlexa: [^\n]*Hold\. … Twenty seconds left\. … Ten more\. … And relax\. Is the cramp easing\?/,
      );
      expect(first.stdout).toMatch(/you> yes\nAlexa: Good\. Step two of four\./);
      expect(first.stdout).toMatch(/you> repeat\nAlexa: Step two of four\./);
      expect(first.stdout).toContain(
        "Alexa: Paused at step two. When you're ready, say: Alexa, ask Calf Coach to resume.",
      );
      expect(first.stdout).toContain('(The session has ended.');

      const second = await npmStart('ask calf coach to resume\\nno\\nno', dataDir, ['--fast']);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain("Alexa: Let's carry on with the cramp relief routine, at step two.");
      expect(second.stdout).toMatch(/you> no\nAlexa: [^\n]*Step two of four\./);
    },
    TEST_MS,
  );

  it(
    'bad input gets the kind answer, never a crash',
    async () => {
      const long = 'calf '.repeat(400);
      const result = await npmStart(
        ['open calf coach', '', '\u0007\u001b[31m', long, '   ', 'stop'].join('\n'),
        dataDir,
        ['--fast'],
      );
      expect(result.status).toBe(0);
      expect(result.stdout.match(/Alexa: Sorry, I didn't catch that\./g)).toHaveLength(4);
      expect(result.stdout).toContain('Alexa: Goodbye, and take care.');
    },
    TEST_MS,
  );

  it(
    'an unknown locale or option is refused with a clear message',
    async () => {
      const result = await npmStart('open calf coach', dataDir, ['--locale', 'xx-XX']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /No interaction model for xx-XX\. Available: de-DE, en-AU, en-CA, en-GB, en-IN, en-US, es-US/,
      );
    },
    TEST_MS,
  );

  it(
    '--locale picks the model and the language',
    async () => {
      const result = await npmStart('frag calf coach nach hilfe bei einem krampf\nja', dataDir, [
        '--fast',
        '--locale',
        'de-DE',
      ]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Alexa: Ich bin da.');
      expect(result.stdout).toMatch(/Rufen Sie jetzt die 1 1 2 an\. Die 1 1 2\./);
    },
    TEST_MS,
  );

  it(
    '--help explains the commands',
    async () => {
      const result = await npmStart('', dataDir, ['--help']);
      expect(result.stdout).toMatch(/--fast skips the waits/);
    },
    TEST_MS,
  );
});

describe('npm start -- --speak', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-speak-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'says clearly how to install espeak-ng when it is missing, and still prints',
    async () => {
      const result = await npmStart('open calf coach', dir, ['--fast', '--speak'], {
        CALF_COACH_ESPEAK: 'no-such-espeak',
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        'espeak-ng is not installed, so --speak prints only. Install it with: sudo apt-get install -y espeak-ng',
      );
      expect(result.stdout).toContain('Alexa: Welcome to Calf Coach.');
    },
    TEST_MS,
  );

  const haveEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
  // CI installs espeak-ng (.ci/run), so there this test always runs.
  (haveEspeak || process.env.CI ? it : it.skip)(
    'speaks each sentence between the pauses with espeak-ng',
    async () => {
      const result = await npmStart(
        'ask calf coach for a bedtime stretch\nno\nno',
        dir,
        ['--fast', '--speak'],
        {
          CALF_COACH_SPEAK_TO_DIR: dir,
        },
      );
      expect(result.status).toBe(0);
      const wavs = readdirSync(dir).filter((name) => name.endsWith('.wav'));
      // The opening, the second question, then the step: thirteen stretches of text around its twelve breaks.
      expect(wavs.length).toBe(2 + 13);
      for (const wav of wavs) expect(statSync(path.join(dir, wav)).size).toBeGreaterThan(1000);
    },
    TEST_MS,
  );
});

describe('console pieces', () => {
  it('splits SSML at its breaks, for real-time holds', () => {
    expect(
      segments('<speak>Hold. <break time="10000ms"/> Ten more. <break time="2s"/> And relax.</speak>'),
    ).toEqual([
      { say: 'Hold.' },
      { pauseMs: 10000 },
      { say: 'Ten more.' },
      { pauseMs: 2000 },
      { say: 'And relax.' },
    ]);
  });

  it('cleans control characters and bounds the length', () => {
    expect(VoiceConsole.clean('next\u0000\u001b')).toBe('next');
    expect(VoiceConsole.clean('a'.repeat(2000))).toHaveLength(500);
  });

  it('plays a hold out in real time, with a countdown bar on a terminal', async () => {
    const written: string[] = [];
    const slept: number[] = [];
    const { Simulator } = await import('../../../lambda/local/simulator/simulator');
    const { Resolver } = await import('../../../lambda/local/simulator/nlu');
    const { localDevice } = await import('../../../lambda/local/simulator/envelope');
    const { skillBuilder } = await import('../../../lambda/skill');
    const { MemoryPersistenceAdapter } = await import('../../../lambda/persistence/memory');
    const { loadModel } = await import('../../helpers/model');
    const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
    const simulator = new Simulator(skill, new Resolver(loadModel('en-US')), localDevice());
    const voice = new VoiceConsole(
      simulator,
      {
        write: (text) => written.push(text),
        isTTY: true,
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
      },
      { fast: false, speak: false },
    );
    for (const words of ['ask calf coach for help with a cramp', 'no', 'no']) await voice.hear(words);
    expect(slept.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(written.join('')).toContain('[####################]  0 s');
    expect(written.join('')).toContain('Twenty seconds left.');
  });
});
