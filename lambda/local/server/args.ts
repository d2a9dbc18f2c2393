import { parseOptions } from '../args';

/** The command line of `npm run serve`. */

export const USAGE = `Usage: npm run serve -- [--port 3000] [--host 127.0.0.1] [--skill-id amzn1.ask.skill...] [--no-verify]

Serves Calf Coach for Alexa at POST /, with GET /health for monitoring.
Requests are checked for Alexa's signature and timestamp; --no-verify turns that off for local tools only.
Environment: PORT, HOST, CALF_COACH_SKILL_ID, CALF_COACH_DATA_DIR.`;

export interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly skillId?: string;
  readonly verify: boolean;
}

/** The port from --port, else PORT, else 3000: a whole number from 0 to 65535, or a clear refusal. */
function portOf(option: string | undefined, env: string | undefined): number {
  const given = option ?? env;
  if (given === undefined) return 3000;
  const port = /^\d{1,5}$/.test(given.trim()) ? Number(given) : Number.NaN;
  if (Number.isInteger(port) && port <= 65535) return port;
  const from = option === undefined ? 'PORT' : '--port';
  throw new Error(
    `Bad port: ${from} must be a whole number from 0 to 65535 (0 picks a free one), not "${given}".`,
  );
}

/** The options, falling back on PORT, HOST and CALF_COACH_SKILL_ID; `'help'` for --help or -h. */
export function parseServeArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ServeArgs | 'help' {
  const values = parseOptions(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'skill-id': { type: 'string' },
      'no-verify': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  if (values.help) return 'help';
  const port = portOf(values.port, env.PORT);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const skillId = values['skill-id'] ?? env.CALF_COACH_SKILL_ID;
  return { port, host, verify: !values['no-verify'], ...(skillId ? { skillId } : {}) };
}
