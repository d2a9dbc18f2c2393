import { configFromEnv, createPersistenceAdapter } from '../../persistence/from-config';
import { progressFile } from '../data-dir';
import { startServer } from './server';

/** `npm run serve`: the self-hosted endpoint, for the Alexa developer console through a tunnel. */

const USAGE = `Usage: npm run serve -- [--port 3000] [--host 127.0.0.1] [--skill-id amzn1.ask.skill...] [--no-verify]

Serves Calf Coach for Alexa at POST /, with GET /health for monitoring.
Requests are checked for Alexa's signature and timestamp; --no-verify turns that off for local tools only.
Environment: PORT, HOST, CALF_COACH_SKILL_ID, CALF_COACH_DATA_DIR.`;

function parseArgs(argv: readonly string[]): {
  port: number;
  host: string;
  skillId?: string;
  verify: boolean;
} {
  let port = Number(process.env.PORT ?? 3000);
  let host = process.env.HOST ?? '127.0.0.1';
  let skillId = process.env.CALF_COACH_SKILL_ID;
  let verify = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg === '--host') host = argv[++i] ?? host;
    else if (arg === '--skill-id') skillId = argv[++i];
    else if (arg === '--no-verify') verify = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${String(arg)}\n\n${USAGE}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad port: ${String(port)}`);
  return { port, host, verify, ...(skillId ? { skillId } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.verify) {
    console.warn(
      'WARNING: request verification is OFF (--no-verify). Use this only for local tools, never for Alexa.',
    );
  }
  const server = await startServer({
    ...args,
    persistenceAdapter: createPersistenceAdapter(configFromEnv(process.env, progressFile())),
  });
  console.log(`Calf Coach is listening on ${server.url} (POST / for Alexa, GET /health)`);
  if (!args.skillId)
    console.log('No skill ID configured: set CALF_COACH_SKILL_ID to accept only your skill.');
  const shutdown = (signal: string): void => {
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
