import { spawn } from 'node:child_process';
import type { Bundles } from './bundle-sizes';
import { launchEvent } from './requests';
import { COLD_RUNS, TABLE } from './settings';

export interface Cold {
  readonly ms: number;
  readonly wallMs: number;
  readonly maxRssKb: number;
}

/** Cold starts of each bundle; `table` is Calf Coach's bundle with CALF_COACH_TABLE set. */
export type ColdStarts = Bundles<Cold[]> & { readonly table: Cold[] };

/** A fresh Node process: require the bundle, answer one request; timed inside and from outside. */
function coldStart(bundle: string, env: NodeJS.ProcessEnv): Promise<Cold> {
  const code = `
    const t0 = process.hrtime.bigint();
    const { handler } = require(${JSON.stringify(bundle)});
    handler(${JSON.stringify(launchEvent())}, {}).then((result) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!result || !result.response) process.exit(1);
      process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
    }, (error) => { console.error(error); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', code], { env: { ...env, CALF_COACH_LOG: 'silent' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (status !== 0) reject(new Error(`cold start failed: ${err}`));
      else resolve({ ...(JSON.parse(out) as { ms: number; maxRssKb: number }), wallMs });
    });
  });
}

/**
 * COLD_RUNS rounds, each starting every bundle once: the baseline and Calf Coach without a table, then
 * Calf Coach and both AWS SDK variants with their table in the local DynamoDB at `endpoint`.
 */
export async function coldStarts(files: Bundles<string>, endpoint: string): Promise<ColdStarts> {
  const tableEnv = {
    ...process.env,
    CALF_COACH_TABLE: TABLE,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  const { CALF_COACH_TABLE: _t, DYNAMODB_ENDPOINT: _e, ...noTableEnv } = process.env;
  const cold = {
    calf: [] as Cold[],
    hello: [] as Cold[],
    table: [] as Cold[],
    naive: [] as Cold[],
    esm: [] as Cold[],
  };
  for (let i = 0; i < COLD_RUNS; i++) {
    cold.hello.push(await coldStart(files.hello, noTableEnv));
    cold.calf.push(await coldStart(files.calf, noTableEnv));
    cold.table.push(await coldStart(files.calf, tableEnv));
    cold.esm.push(await coldStart(files.esm, tableEnv));
    cold.naive.push(await coldStart(files.naive, tableEnv));
  }
  return cold;
}
