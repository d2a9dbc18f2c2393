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
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad port: ${String(port)}`);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const skillId = values['skill-id'] ?? env.CALF_COACH_SKILL_ID;
  return { port, host, verify: !values['no-verify'], ...(skillId ? { skillId } : {}) };
}
