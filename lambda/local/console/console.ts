import { spawnSync } from 'node:child_process';
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

export interface ConsoleIO {
  write(text: string): void;
  /** Whether the output is a terminal, for a live countdown bar. */
  readonly isTTY: boolean;
  sleep(ms: number): Promise<void>;
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

function bar(elapsedMs: number, totalMs: number): string {
  const filled = Math.round((elapsedMs / totalMs) * BAR_WIDTH);
  const left = Math.ceil((totalMs - elapsedMs) / 1000);
  return `  [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(left).padStart(2)} s `;
}

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
 */
export class VoiceConsole {
  private readonly speak: boolean;

  constructor(
    private readonly simulator: Simulator,
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

  async hear(line: string): Promise<Exchange> {
    const exchange = await this.simulator.say(VoiceConsole.clean(line));
    await this.play(exchange);
    return exchange;
  }

  private spoken = 0;

  /** Speaks aloud, or into numbered WAV files when CALF_COACH_SPEAK_TO_DIR is set (for tests). */
  private say(text: string): void {
    if (!this.speak) return;
    const dir = process.env.CALF_COACH_SPEAK_TO_DIR;
    const target = dir ? ['-w', `${dir}/${String(++this.spoken).padStart(3, '0')}.wav`] : [];
    spawnSync(espeak(), ['-s', '150', ...target, text], { stdio: 'ignore' });
  }

  private async pause(ms: number): Promise<void> {
    if (this.options.fast) return;
    if (!this.io.isTTY) {
      await this.io.sleep(ms);
      return;
    }
    for (let elapsed = 0; elapsed < ms; elapsed += Math.min(1000, ms - elapsed)) {
      this.io.write(`\r${bar(elapsed, ms)}`);
      await this.io.sleep(Math.min(1000, ms - elapsed));
    }
    this.io.write(`\r${bar(ms, ms)}\n`);
  }

  private async play(exchange: Exchange): Promise<void> {
    const parts = segments(exchange.ssml);
    if (this.options.fast || !parts.some((part) => 'pauseMs' in part)) {
      this.io.write(`Alexa: ${exchange.text}\n`);
      for (const part of parts) if ('say' in part) this.say(part.say);
    } else {
      this.io.write('Alexa:');
      for (const part of parts) {
        if ('say' in part) {
          this.io.write(` ${part.say}\n`);
          this.say(part.say);
        } else {
          await this.pause(part.pauseMs);
          this.io.write('      ');
        }
      }
      this.io.write('\n');
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
