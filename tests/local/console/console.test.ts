import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  holds,
  segments,
  sleepUnlessAborted,
  VoiceConsole,
  type ConsoleIO,
} from '../../../lambda/local/console/console';
import { localDevice } from '../../../lambda/local/simulator/envelope';
import { Resolver } from '../../../lambda/local/simulator/nlu';
import { Simulator, type Exchange } from '../../../lambda/local/simulator/simulator';
import { MemoryPersistenceAdapter } from '../../../lambda/persistence/memory';
import { skillBuilder } from '../../../lambda/skill';
import { loadModel } from '../../helpers/model';
import { run, start, type Finished, type Started } from '../../helpers/process';

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
    'a data folder it cannot use is reported in one line at start; a preference is not claimed as saved; it exits, never spins',
    async () => {
      const started = Date.now();
      const done = await npmStart('open calf coach\nspeak slower\nstop', '/proc/x', ['--fast']);
      expect(done.status).toBe(0);
      expect(done.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Calf Coach cannot keep progress in \/proc\/x\/progress: .+CALF_COACH_DATA_DIR/,
        ),
      ]);
      expect(done.stdout).toMatch(
        /you> speak slower\nAlexa: Okay, I'll speak more slowly\. But I couldn't save that for next time just now\./,
      );
      expect(Date.now() - started).toBeLessThan(NPM_START_MS);
    },
    TEST_MS,
  );

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
      // Understood by the German model, answered in German with Germany's number.
      expect(result.stdout).toMatch(/you> frag calf coach[^\n]*\nAlexa: [^\n]*\?\nyou> ja\n/);
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

/** A line typed during a hold must be answered within this long: the hold itself lasts 30 s. */
const ANSWERED_WITHIN_MS = 5_000;
/** The path to the first stretch, whose hold is 30 s. */
const TO_THE_FIRST_HOLD = ['ask calf coach for help with a cramp', 'no', 'no'];

/** Waits until `ready()` holds; rejects with the output so far after `ms`. */
async function until(session: Started, ready: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline)
      throw new Error(`gave up waiting after ${String(ms)} ms:\n${session.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Says each line once the answer before it is out, as a person would (`eol`: Enter on a terminal). */
async function talk(session: Started, lines: readonly string[], eol: string): Promise<void> {
  const answers = (): number => session.stdout().split('Alexa:').length - 1;
  for (const line of lines) {
    const before = answers();
    session.child.stdin.write(`${line}${eol}`);
    await until(session, () => answers() > before, NPM_START_MS);
  }
}

/** The exit status, or 'still running' if the program has not exited within `ms`. */
async function exitWithin(session: Started, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => {
      resolve('still running');
    }, ms);
  });
  try {
    return await Promise.race([session.closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Real-time holds (no --fast), input through a pipe or through a terminal. */
function npmStartLive(dataDir: string, terminal: boolean): Started {
  const env = { CALF_COACH_DATA_DIR: dataDir };
  // util-linux `script` runs the console on a pseudo-terminal, as a person's terminal would.
  return terminal
    ? start('script', ['-qefc', 'npm start --silent', '/dev/null'], { env })
    : start('npm', ['start', '--silent'], { env });
}

/** The answers the skill gives to these words, in process: what `npm start` plays for them. */
async function answersTo(words: readonly string[]): Promise<Exchange[]> {
  const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
  const simulator = new Simulator(skill, new Resolver(loadModel('en-US')), localDevice());
  const answers: Exchange[] = [];
  for (const said of words) answers.push(await simulator.say(said));
  return answers;
}

const haveScript = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout);

describe('npm start: a hold is cut short at once', () => {
  let dataDir: string;
  const sessions: Started[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'calf-coach-interrupt-'));
  });
  afterEach(() => {
    for (const session of sessions.splice(0)) session.killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'a line typed during a 30-second hold stops the waiting and is answered at once',
    async () => {
      const session = npmStartLive(dataDir, false);
      sessions.push(session);
      await talk(session, TO_THE_FIRST_HOLD, '\n');
      const [, holdSeconds] = await session.waitFor(/\[hold (\d+) s\]\n/, NPM_START_MS);
      expect(Number(holdSeconds)).toBe(30);
      const typed = Date.now();
      session.child.stdin.write('stop\n');
      await session.waitFor(/you> stop\nAlexa: \S[^\n]*\n/, 3 * ANSWERED_WITHIN_MS);
      const answeredAfter = Date.now() - typed;
      session.child.stdin.end();
      expect(await exitWithin(session, ANSWERED_WITHIN_MS)).toBe(0);
      expect(session.stderr()).toBe('');
      expect(answeredAfter).toBeLessThan(ANSWERED_WITHIN_MS);
      // Nothing more of the hold was played: the stop came straight after it began.
      expect(session.stdout()).toMatch(/\[hold 30 s\]\nyou> stop\nAlexa: /);
    },
    TEST_MS,
  );

  it(
    'Ctrl+C during a hold exits at once, with status 0 or 130 and no stack trace',
    async () => {
      const session = npmStartLive(dataDir, false);
      sessions.push(session);
      await talk(session, TO_THE_FIRST_HOLD, '\n');
      await session.waitFor(/\[hold 30 s\]\n/, NPM_START_MS);
      const pid = session.child.pid ?? 0;
      const pressed = Date.now();
      // Ctrl+C on a terminal signals the whole foreground process group: npm and the console alike.
      process.kill(-pid, 'SIGINT');
      const status = await exitWithin(session, ANSWERED_WITHIN_MS);
      expect(Date.now() - pressed).toBeLessThan(ANSWERED_WITHIN_MS);
      expect([0, 130]).toContain(status);
      expect(session.stderr()).toBe('');
      expect(session.output()).not.toMatch(/\n\s+at |Error/);
    },
    TEST_MS,
  );

  // CI's image has util-linux; elsewhere without it these two are skipped.
  (haveScript || process.env.CI ? it : it.skip)(
    'on a terminal: "stop" typed during the hold is answered at once, with one bar over the whole hold',
    async () => {
      const session = npmStartLive(dataDir, true);
      sessions.push(session);
      await session.waitFor(/Type what you would say/, NPM_START_MS);
      await talk(session, TO_THE_FIRST_HOLD, '\r');
      await session.waitFor(/\[#\.{19}\] 29 s/, NPM_START_MS);
      const typed = Date.now();
      session.child.stdin.write('stop\r');
      // The answer to "stop" comes after the bar, not after the hold.
      await session.waitFor(/ s {3}you> stop\r*\n+Alexa: \S/, ANSWERED_WITHIN_MS);
      expect(Date.now() - typed).toBeLessThan(ANSWERED_WITHIN_MS);
      const bars = [...session.stdout().matchAll(/\[[#.]{20}\] +(\d+) s/g)].map((bar) => Number(bar[1]));
      expect(bars[0]).toBe(30);
      expect(bars).not.toContain(0);
      session.child.stdin.write('\u0004');
      expect(await exitWithin(session, ANSWERED_WITHIN_MS)).toBe(0);
    },
    TEST_MS,
  );

  (haveScript || process.env.CI ? it : it.skip)(
    'on a terminal: Ctrl+C during the hold exits at once, with status 0 or 130 and no stack trace',
    async () => {
      const session = npmStartLive(dataDir, true);
      sessions.push(session);
      await session.waitFor(/Type what you would say/, NPM_START_MS);
      await talk(session, TO_THE_FIRST_HOLD, '\r');
      await session.waitFor(/\[#\.{19}\] 29 s/, NPM_START_MS);
      const pressed = Date.now();
      session.child.stdin.write('\u0003');
      const status = await exitWithin(session, ANSWERED_WITHIN_MS);
      expect(Date.now() - pressed).toBeLessThan(ANSWERED_WITHIN_MS);
      expect([0, 130]).toContain(status);
      expect(session.output()).not.toMatch(/\n\s+at |Error/);
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
      const words = ['ask calf coach for a bedtime stretch', 'no', 'no'];
      const result = await npmStart(words.join('\n'), dir, ['--fast', '--speak'], {
        CALF_COACH_SPEAK_TO_DIR: dir,
      });
      expect(result.status).toBe(0);
      const wavs = readdirSync(dir).filter((name) => name.endsWith('.wav'));
      // The two questions, then the step: one WAV per stretch of text between its breaks.
      const stretches = (await answersTo(words)).map(
        (exchange) => segments(exchange.ssml).filter((part) => 'say' in part).length,
      );
      expect(stretches.slice(0, 2)).toEqual([1, 1]);
      expect(stretches[2]).toBeGreaterThan(10);
      expect(wavs.length).toBe(stretches.reduce((a, b) => a + b, 0));
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

/** A simulator that answers every line with the same SSML. */
function answering(ssml: string): { say(words: string): Promise<Exchange> } {
  return {
    say: (words) =>
      Promise.resolve({
        utterance: words,
        request: { request: { type: 'IntentRequest' } },
        response: { version: '1.0', response: { shouldEndSession: false } },
        ssml,
        text: words,
        ended: false,
      } as unknown as Exchange),
  };
}

const ONE_HOLD =
  '<speak>Pull your toes up. Hold. <break time="10000ms"/> Twenty seconds left. <break time="10000ms"/> Ten more. <break time="10000ms"/> And relax. Is the cramp easing?</speak>';

describe('console holds', () => {
  it('groups the breaks of one hold and the short cues between them into one hold', () => {
    expect(holds(segments(ONE_HOLD))).toEqual([
      { say: 'Pull your toes up. Hold.' },
      {
        holdMs: 30_000,
        cues: [
          { atMs: 10_000, say: 'Twenty seconds left.' },
          { atMs: 20_000, say: 'Ten more.' },
        ],
      },
      { say: 'And relax. Is the cramp easing?' },
    ]);
    // Two holds with the change of side between them stay two holds; breaks in a row add up.
    expect(
      holds(
        segments(
          'Hold. <break time="10000ms"/> <break time="5s"/> And relax. Now the other leg. <break time="3000ms"/> Hold. <break time="10000ms"/> Done.',
        ),
      ),
    ).toEqual([
      { say: 'Hold.' },
      { holdMs: 15_000, cues: [] },
      { say: 'And relax. Now the other leg.' },
      { holdMs: 13_000, cues: [{ atMs: 3_000, say: 'Hold.' }] },
      { say: 'Done.' },
    ]);
  });

  it('on a terminal, one hold is one countdown bar over its whole length, its cues printed above it', async () => {
    const written: string[] = [];
    const slept: number[] = [];
    const io: ConsoleIO = {
      write: (text) => written.push(text),
      isTTY: true,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    };
    await new VoiceConsole(answering(ONE_HOLD), io, { fast: false, speak: false }).hear('next');
    const output = written.join('');
    expect(slept.reduce((a, b) => a + b, 0)).toBe(30_000);
    // Every frame of the bar counts down the whole 30 s, once: it never starts again at 10 s.
    const left = [...output.matchAll(/\[([#.]{20})\] +(\d+) s/g)].map((bar) => Number(bar[2]));
    expect(left).toEqual(Array.from({ length: 31 }, (_, i) => 30 - i));
    expect(output.match(/\[#{20}\] {2}0 s/g)).toHaveLength(1);
    expect(output).toMatch(/Twenty seconds left\.\n[^]*\[#{7}\.{13}\] 20 s/);
    expect(output).toMatch(/Ten more\.\n[^]*\[#{13}\.{7}\] 10 s/);
    expect(output).toMatch(/\[#{20}\] {2}0 s \n {7}And relax\. Is the cramp easing\?\n$/);
  });

  it('interrupt() ends a hold being played at once; the rest of that answer is not said', async () => {
    const written: string[] = [];
    const io: ConsoleIO = { write: (text) => written.push(text), isTTY: false, sleep: sleepUnlessAborted };
    const voice = new VoiceConsole(answering(ONE_HOLD), io, { fast: false, speak: false });
    const began = Date.now();
    const heard = voice.hear('next');
    setTimeout(() => {
      voice.interrupt();
    }, 100);
    await heard;
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(written.join('')).toBe('Alexa: Pull your toes up. Hold.\n       [hold 30 s]\n');
    // Idle, it does nothing; the next answer plays as usual.
    voice.interrupt();
  });
});
