import { spawn, spawnSync } from 'node:child_process';
import { ssmlToPlainText } from '../../speech/ssml';
import type { Exchange, Simulator } from '../simulator/simulator';

/** What a response sounds like, in order: sentences and pauses. */
export type Segment = { readonly say: string } | { readonly pauseMs: number };

/** Splits response SSML at its breaks, so a console can play the pauses out. */
export function segments(ssml: string): Segment[] {
  const out: Segment[] = [];
  const pattern = /<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>/g;
  let last = 0;
  for (const match of ssml.matchAll(pattern)) {
    const text = ssmlToPlainText(ssml.slice(last, match.index));
    if (text) out.push({ say: text });
    const amount = Number(match[1]);
    out.push({ pauseMs: match[2] === 's' ? amount * 1000 : amount });
    last = match.index + match[0].length;
  }
  const tail = ssmlToPlainText(ssml.slice(last));
  if (tail) out.push({ say: tail });
  return out;
}

/** A countdown cue said during a hold, `atMs` after the hold began. */
export interface Cue {
  readonly atMs: number;
  readonly say: string;
}

/** One hold: breaks in a row, with the short countdown cues between them, played as one countdown. */
export interface Hold {
  readonly holdMs: number;
  readonly cues: readonly Cue[];
}

/** What the console plays: sentences, and holds. */
export type Played = { readonly say: string } | Hold;

/** Longest text between two breaks that still counts as a countdown cue inside one hold. */
const CUE_MAX_WORDS = 5;

/**
 * A countdown cue, as said between the breaks of one hold: a single short sentence ("Twenty seconds
 * left.", "Noch zehn.", "Diez más."). Anything longer, or two sentences ("And relax. Now the other
 * leg."), ends the hold.
 */
export function isCue(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return words > 0 && words <= CUE_MAX_WORDS && !/[.!?…]\s+\S/.test(text.trim());
}

/**
 * Groups segments into holds: "Hold. <10s> Twenty seconds left. <10s> Ten more. <10s> And relax." is
 * "Hold.", one 30-second hold with its two cues at 10 and 20 seconds, and "And relax.".
 */
export function holds(parts: readonly Segment[]): Played[] {
  const out: Played[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === undefined) continue;
    if ('say' in part) {
      out.push(part);
      continue;
    }
    let holdMs = part.pauseMs;
    const cues: Cue[] = [];
    for (;;) {
      const next = parts[i + 1];
      const after = parts[i + 2];
      if (next && 'pauseMs' in next) {
        holdMs += next.pauseMs;
        i += 1;
      } else if (next && 'say' in next && after && 'pauseMs' in after && isCue(next.say)) {
        cues.push({ atMs: holdMs, say: next.say });
        holdMs += after.pauseMs;
        i += 2;
      } else break;
    }
    out.push({ holdMs, cues });
  }
  return out;
}

export interface ConsoleIO {
  write(text: string): void;
  /** Whether the output is a terminal, for a live countdown bar. */
  readonly isTTY: boolean;
  /** Waits `ms`, or less: it resolves as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** What the person has typed so far on a terminal, shown beside the countdown bar. */
  typing?(): string;
}

/** A real wait that ends early, and quietly, when `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface ConsoleOptions {
  /** Skip the waits of holds. */
  readonly fast: boolean;
  /** Say each response aloud with espeak-ng. */
  readonly speak: boolean;
}

/** Longest line the console passes on, like a speech recogniser's limit on one utterance. */
export const MAX_UTTERANCE_CHARS = 500;

const BAR_WIDTH = 20;
/** Lines after the first of an answer start under its text: `Alexa: `. */
const INDENT = ' '.repeat('Alexa: '.length);
/** Back to the start of the line, and clear it (the bar is redrawn in place). */
const CLEAR_LINE = '\r\u001b[2K';

export function bar(elapsedMs: number, totalMs: number): string {
  const share = totalMs > 0 ? Math.min(1, elapsedMs / totalMs) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const left = Math.max(0, Math.ceil((totalMs - elapsedMs) / 1000));
  return `  [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(left).padStart(2)} s `;
}

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/** The speech synthesiser: espeak-ng, or CALF_COACH_ESPEAK to use another build of it. */
const espeak = (): string => process.env.CALF_COACH_ESPEAK ?? 'espeak-ng';

export function espeakAvailable(): boolean {
  const probe = spawnSync(espeak(), ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

export const ESPEAK_MISSING =
  'espeak-ng is not installed, so --speak prints only. Install it with: sudo apt-get install -y espeak-ng';

/**
 * The voice console: typed words go through the simulator (real model, real envelopes, the same skill
 * factory as Lambda) and Alexa's answer comes back as text, with holds played out in real time.
 * `interrupt()` cuts the answer being played short, as speaking to an Echo does.
 */
export class VoiceConsole {
  private readonly speak: boolean;
  /** The answer being played, if any: aborting it ends its waits and its speech at once. */
  private playing: AbortController | undefined;

  constructor(
    private readonly simulator: Pick<Simulator, 'say'>,
    private readonly io: ConsoleIO,
    private readonly options: ConsoleOptions,
  ) {
    this.speak = options.speak && espeakAvailable();
    if (options.speak && !this.speak) io.write(`${ESPEAK_MISSING}\n`);
  }

  /** Cleans a typed line as a speech recogniser would hand it on: no control characters, bounded. */
  static clean(line: string): string {
    let cleaned = '';
    for (const ch of line) {
      const code = ch.codePointAt(0) ?? 0;
      cleaned += code < 32 || code === 127 ? ' ' : ch;
    }
    return cleaned.slice(0, MAX_UTTERANCE_CHARS).trim();
  }

  /** Stops the answer being played: its hold ends now, the rest of it is not said. No-op when idle. */
  interrupt(): void {
    this.playing?.abort();
  }

  /** Sends the words to the skill and plays the answer; resolves early if the answer is interrupted. */
  async hear(line: string): Promise<Exchange> {
    const exchange = await this.simulator.say(VoiceConsole.clean(line));
    const playing = new AbortController();
    this.playing = playing;
    try {
      await this.play(exchange, playing.signal);
    } finally {
      this.playing = undefined;
    }
    return exchange;
  }

  private spoken = 0;

  /** Speaks aloud, or into numbered WAV files when CALF_COACH_SPEAK_TO_DIR is set (for tests). */
  private async say(text: string, signal: AbortSignal): Promise<void> {
    if (!this.speak || signal.aborted) return;
    const dir = process.env.CALF_COACH_SPEAK_TO_DIR;
    const target = dir ? ['-w', `${dir}/${String(++this.spoken).padStart(3, '0')}.wav`] : [];
    await new Promise<void>((resolve) => {
      // Aborting kills espeak-ng (and emits 'error'): either way the sentence is over.
      const child = spawn(espeak(), ['-s', '150', ...target, text], { stdio: 'ignore', signal });
      child.once('error', () => {
        resolve();
      });
      child.once('close', () => {
        resolve();
      });
    });
  }

  /** One hold: a single countdown bar over all of it on a terminal, its cues printed as they come. */
  private async hold({ holdMs, cues }: Hold, signal: AbortSignal): Promise<void> {
    const tty = this.io.isTTY;
    const typing = (): string => (this.io.typing ? `  you> ${this.io.typing()}` : '');
    if (!tty) this.io.write(`${INDENT}[hold ${seconds(holdMs)} s]\n`);
    let elapsed = 0;
    let cue = 0;
    while (elapsed < holdMs) {
      for (let due = cues[cue]; due && due.atMs <= elapsed; due = cues[++cue]) {
        this.io.write(`${tty ? CLEAR_LINE : ''}${INDENT}${due.say}\n`);
        await this.say(due.say, signal);
        if (signal.aborted) return;
      }
      if (tty) this.io.write(`${CLEAR_LINE}${bar(elapsed, holdMs)}${typing()}`);
      const nextSecond = (Math.floor(elapsed / 1000) + 1) * 1000;
      const until = Math.min(holdMs, nextSecond, cues[cue]?.atMs ?? Infinity);
      await this.io.sleep(until - elapsed, signal);
      if (signal.aborted) return;
      elapsed = until;
    }
    if (tty) this.io.write(`${CLEAR_LINE}${bar(holdMs, holdMs)}\n`);
  }

  private async play(exchange: Exchange, signal: AbortSignal): Promise<void> {
    const parts = segments(exchange.ssml);
    const played = holds(parts);
    if (this.options.fast || !played.some((part) => 'holdMs' in part)) {
      this.io.write(`Alexa: ${exchange.text}\n`);
      for (const part of parts) if ('say' in part) await this.say(part.say, signal);
    } else {
      let first = true;
      for (const part of played) {
        if (signal.aborted) return;
        if ('say' in part) {
          this.io.write(`${first ? 'Alexa: ' : INDENT}${part.say}\n`);
          await this.say(part.say, signal);
        } else {
          if (first) this.io.write('Alexa:\n');
          await this.hold(part, signal);
        }
        first = false;
      }
      if (signal.aborted) return;
    }
    const askFor = (exchange.response.response.directives ?? []).some(
      (directive) => directive.type === 'Connections.SendRequest',
    );
    if (askFor) this.io.write('(Alexa asks for the permission itself: say "I approve" or "no".)\n');
    if (exchange.ended && exchange.request.request.type !== 'SessionEndedRequest') {
      this.io.write('(The session has ended. Say "open calf coach" to start again.)\n');
    }
  }
}
