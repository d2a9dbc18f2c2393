import { bundleSizes } from './bundle-sizes';
import { coldStarts } from './cold-start';
import { firstStretch } from './first-stretch';
import { httpLoad, serverBundle } from './http-load';
import { mixedLoad } from './mixed-load';
import { startLocalTable, stopLocalTable } from './local-table';
import { persistenceCalls } from './persistence-calls';
import { slowTurns } from './slow-turn';
import { writeReport } from './report';
import { turnBreakdown } from './turn-breakdown';
import { warmTurns } from './warm-turns';

/**
 * `npm run bench`: warm turns, cold starts, bundle sizes, persistence calls and HTTP load, each against
 * a baseline measured in the same run (a hello-world ask-sdk skill bundled the same way), and how soon
 * the one-shot cramp path reaches the first stretch in every locale. Writes
 * bench/RESULTS.md and the README's benchmark section. CALF_COACH_BENCH_QUICK=1 for a short run.
 *
 * One file per measurement, run here in this order: bundle-sizes.ts, warm-turns.ts, turn-breakdown.ts,
 * first-stretch.ts, cold-start.ts, persistence-calls.ts, slow-turn.ts, http-load.ts, mixed-load.ts; report.ts writes
 * the results.
 * Shared settings are in settings.ts, the requests sent in requests.ts, the local DynamoDB in
 * local-table.ts.
 */
async function main(): Promise<void> {
  process.env.CALF_COACH_LOG = 'silent';
  const { files, sizes } = bundleSizes();
  console.log('bundles built', sizes);

  const warm = await warmTurns(files.calf, files.hello);
  const parts = await turnBreakdown(warm.recorded);
  console.log('warm turns done', warm.calf.length);

  const stretch = await firstStretch();
  console.log('first stretch done', stretch.length);

  const table = await startLocalTable();
  const cold = await coldStarts(files, table.endpoint);
  const dbCalls = await persistenceCalls(table.endpoint);
  const slow = await slowTurns(table.endpoint);
  await stopLocalTable(table);
  console.log('cold starts and persistence done');

  const server = serverBundle();
  const load = await httpLoad(server);
  const mixed = await mixedLoad(server);
  console.log('load done');

  writeReport({ sizes, warm, parts, firstStretch: stretch, cold, dbCalls, slow, load, mixed });
  if (load.errors > 0 || load.non2xx > 0 || mixed.errors > 0 || mixed.non2xx > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
