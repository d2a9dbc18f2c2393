import * as readline from 'node:readline';
import { FilePersistenceAdapter } from '../../persistence/file';
import { configFromEnv, createPersistenceAdapter } from '../../persistence/from-config';
import { skillBuilder } from '../../skill';
import { parseConsoleArgs, USAGE } from './args';
import { sleepUnlessAborted, VoiceConsole } from './console';
import { progressFile } from '../data-dir';
import { localDevice } from '../simulator/envelope';
import { availableLocales, loadModel } from '../simulator/models';
import { Resolver } from '../simulator/nlu';
import { Simulator } from '../simulator/simulator';

/** `npm start`: talk to Calf Coach in the terminal. */

/** The exit status after Ctrl+C, as a shell reports a program stopped by SIGINT. */
const INTERRUPTED = 130;
/** After Ctrl+C, the console leaves within this long whatever is still under way. */
const LEAVE_WITHIN_MS = 1000;

/** The utterances in one line of input: a literal "\n" (as plain `echo` leaves it) also separates them. */
function utterances(line: string): string[] {
  const pieces = line.split(/\\n/);
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}

/** Lines of input as they come, queued while an answer plays. */
class Input {
  private readonly lines: string[] = [];
  private ended = false;
  private left = false;
  private wake: (() => void) | undefined;

  push(lines: readonly string[]): void {
    if (this.left) return;
    this.lines.push(...lines);
    this.wake?.();
  }

  /** No more input will come: the lines already here are still heard. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** Leave now: the lines still queued are dropped. */
  stop(): void {
    this.left = true;
    this.lines.length = 0;
    this.end();
  }

  get stopped(): boolean {
    return this.left;
  }

  /** Nothing queued, and more may come: time for a prompt. */
  get idle(): boolean {
    return !this.ended && this.lines.length === 0;
  }

  /** The next line, once there is one; undefined when the input has ended. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined || this.ended) return line;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}

async function main(): Promise<void> {
  process.env.CALF_COACH_LOG ??= 'silent';
  const args = parseConsoleArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!availableLocales().includes(args.locale)) {
    throw new Error(`No interaction model for ${args.locale}. Available: ${availableLocales().join(', ')}`);
  }
  const persistenceAdapter = createPersistenceAdapter(configFromEnv(process.env, progressFile()));
  const unusable =
    persistenceAdapter instanceof FilePersistenceAdapter ? await persistenceAdapter.problem() : undefined;
  if (unusable) {
    console.error(
      `Calf Coach ${unusable}. Progress and preferences last only until you leave; set CALF_COACH_DATA_DIR to a folder you can write.`,
    );
  }
  const skill = skillBuilder({ persistenceAdapter }).create();
  const simulator = new Simulator(
    skill,
    new Resolver(loadModel(args.locale), args.locale),
    localDevice({ locale: args.locale }),
  );
  const out = process.stdout;
  const interactive = process.stdin.isTTY;
  // Input is read as it comes, also while an answer plays, so a line typed during a hold cuts it short.
  const rl = readline.createInterface({
    input: process.stdin,
    ...(interactive ? { output: out, prompt: 'you> ' } : {}),
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const voice = new VoiceConsole(
    simulator,
    {
      write: (text) => out.write(text),
      isTTY: out.isTTY,
      sleep: sleepUnlessAborted,
      ...(interactive ? { typing: () => rl.line } : {}),
    },
    { fast: args.fast, speak: args.speak },
  );

  const input = new Input();
  rl.on('line', (line) => {
    input.push(utterances(line));
    // A line that arrives while Alexa is answering stops the answer, and is heard next.
    voice.interrupt();
  });
  rl.on('close', () => {
    input.end();
    // Ctrl+D on a terminal leaves at once; the end of piped input waits for the answers still due.
    if (interactive) voice.interrupt();
  });
  const leave = (): void => {
    if (input.stopped) return;
    input.stop();
    voice.interrupt();
    setTimeout(() => process.exit(INTERRUPTED), LEAVE_WITHIN_MS).unref();
  };
  // Ctrl+C: on a terminal readline reads it as a key; otherwise it comes as a signal.
  rl.on('SIGINT', leave);
  process.on('SIGINT', leave);

  if (interactive) {
    out.write(
      `Calf Coach voice console (${args.locale}). Type what you would say to Alexa; Ctrl+D to leave.\n`,
    );
    out.write('Try: "open calf coach" or "ask calf coach for help with a cramp".\n');
    rl.prompt();
  }
  for (let line = await input.next(); line !== undefined; line = await input.next()) {
    if (!interactive) out.write(`you> ${VoiceConsole.clean(line)}\n`);
    await voice.hear(line);
    if (interactive && input.idle) rl.prompt();
  }
  if (out.isTTY) out.write('\n');
  rl.close();
  await simulator.endSession('USER_INITIATED');
  if (input.stopped) process.exit(INTERRUPTED);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
