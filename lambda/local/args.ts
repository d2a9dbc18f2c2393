import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * A local program's options, by Node's own parser: `--name value` or `--name=value`. No positional
 * arguments; an unknown option, or one missing its value, is refused with the program's usage.
 */
export function parseOptions<T extends OptionsConfig>(argv: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, {
      cause: error,
    });
  }
}
