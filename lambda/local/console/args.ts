import { parseOptions } from '../args';
import { progressFile } from '../data-dir';

/** The command line of `npm start`. */

export const USAGE = `Usage: npm start -- [--fast] [--speak] [--locale en-US]

Type what you would say to Alexa, for example:
  open calf coach
  ask calf coach for help with a cramp
  next / repeat / go back / pause / stop
Holds play out in real time; --fast skips the waits. Whatever you type during a hold cuts it short
and is heard at once ("stop" stops). --speak reads answers aloud with espeak-ng.
Progress is kept in ${progressFile()} (set CALF_COACH_DATA_DIR to move it).
Leave with Ctrl+D or Ctrl+C.`;

export interface ConsoleArgs {
  readonly fast: boolean;
  readonly speak: boolean;
  readonly locale: string;
  readonly help: boolean;
}

export function parseConsoleArgs(argv: readonly string[]): ConsoleArgs {
  return parseOptions(
    argv,
    {
      fast: { type: 'boolean', default: false },
      speak: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en-US' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
}
