import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleTo } from './bundle-sizes';
import { launchEvent } from './requests';
import { LOAD_CONNECTIONS, LOAD_SECONDS, OUT } from './settings';

export interface HttpLoad {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly total: number;
  readonly errors: number;
  readonly non2xx: number;
}

/**
 * HTTP load: bundles and starts the self-hosted endpoint (`npm run serve`, verification off), then
 * autocannon POSTs a LaunchRequest on LOAD_CONNECTIONS connections for LOAD_SECONDS.
 */
export async function httpLoad(): Promise<HttpLoad> {
  const server = path.join(OUT, 'server.js');
  bundleTo('server', server);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calf-coach-bench-'));
  const child = spawn(process.execPath, [server, '--port', '0', '--no-verify'], {
    env: { ...process.env, CALF_COACH_DATA_DIR: dataDir, CALF_COACH_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`server did not start: ${out}`));
      }, 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/[\d.:]+)/.exec(out);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    const result = await autocannon({
      url: `${url}/`,
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(launchEvent()),
    });
    return {
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: result.requests.average,
      total: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
