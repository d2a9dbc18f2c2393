import * as readline from 'node:readline';
import { configFromEnv, createPersistenceAdapter } from '../../persistence/from-config';
import { skillBuilder } from '../../skill';
import { parseConsoleArgs, USAGE } from './args';
import { VoiceConsole } from './console';
import { progressFile } from '../data-dir';
import { localDevice } from '../simulator/envelope';
import { availableLocales, loadModel } from '../simulator/models';
import { Resolver } from '../simulator/nlu';
import { Simulator } from '../simulator/simulator';

/** `npm start`: talk to Calf Coach in the terminal. */

/** Lines of piped input; a literal "\n" (as plain `echo` leaves it) also separates utterances. */
function utterances(text: string): string[] {
  return text.split(/\r?\n|\\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
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
  const skill = skillBuilder({
    persistenceAdapter: createPersistenceAdapter(configFromEnv(process.env, progressFile())),
  }).create();
  const simulator = new Simulator(
    skill,
    new Resolver(loadModel(args.locale), args.locale),
    localDevice({ locale: args.locale }),
  );
  const out = process.stdout;
  const voice = new VoiceConsole(
    simulator,
    {
      write: (text) => out.write(text),
      isTTY: out.isTTY,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    { fast: args.fast, speak: args.speak },
  );

  if (!process.stdin.isTTY) {
    for (const line of utterances(await readAll(process.stdin))) {
      out.write(`you> ${VoiceConsole.clean(line)}\n`);
      await voice.hear(line);
    }
    await simulator.endSession('USER_INITIATED');
    return;
  }

  out.write(
    `Calf Coach voice console (${args.locale}). Type what you would say to Alexa; Ctrl+D to leave.\n`,
  );
  out.write('Try: "open calf coach" or "ask calf coach for help with a cramp".\n');
  const rl = readline.createInterface({ input: process.stdin, output: out, prompt: 'you> ' });
  rl.prompt();
  for await (const line of rl) {
    rl.pause();
    await voice.hear(line);
    rl.resume();
    rl.prompt();
  }
  await simulator.endSession('USER_INITIATED');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
