import { FilePersistenceAdapter } from '../../persistence/file';
import { configFromEnv, createPersistenceAdapter } from '../../persistence/from-config';
import { progressFile } from '../data-dir';
import { parseServeArgs, USAGE } from './args';
import { launchCurl } from './curl';
import { startServer } from './server';

/** `npm run serve`: the self-hosted endpoint, for the Alexa developer console through a tunnel. */

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  if (!args.verify) {
    console.warn(
      'WARNING: request verification is OFF (--no-verify). Use this only for local tools, never for Alexa.',
    );
  }
  const persistenceAdapter = createPersistenceAdapter(configFromEnv(process.env, progressFile()));
  const problem =
    persistenceAdapter instanceof FilePersistenceAdapter ? () => persistenceAdapter.problem() : undefined;
  const unusable = await problem?.();
  if (unusable) console.error(`WARNING: ${unusable}. GET /health answers 503 until it can.`);
  const server = await startServer({ ...args, persistenceAdapter, ...(problem ? { problem } : {}) });
  console.log(`Calf Coach is listening on ${server.url} (POST / for Alexa, GET /health)`);
  if (args.verify) console.log('To try it with curl, start it with --no-verify (for local tools only).');
  else console.log(`Try it:\n${launchCurl(server.url, args.skillId)}`);
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
