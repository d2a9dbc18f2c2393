import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
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

export interface RunningServer {
  readonly url: string;
  /** Stops the server, waits for it to exit, and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts a bundle of the self-hosted endpoint (`npm run serve`) with verification off and its default
 * store (a file per user in a fresh data folder), and answers its URL once it listens.
 */
export async function startServerProcess(bundle: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calf-coach-bench-'));
  const child: ChildProcess = spawn(process.execPath, [bundle, '--port', '0', '--no-verify'], {
    env: { ...process.env, CALF_COACH_DATA_DIR: dataDir, CALF_COACH_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`server did not start: ${out}`));
      }, 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/[\d.:]+)/.exec(out);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function loadOf(result: autocannon.Result): HttpLoad {
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The self-hosted endpoint's bundle, as `npm run serve` builds it. */
export function serverBundle(): string {
  const server = path.join(OUT, 'server.js');
  bundleTo('server', server);
  return server;
}

/**
 * HTTP load: the self-hosted endpoint (`npm run serve`, verification off), autocannon POSTing a
 * LaunchRequest on LOAD_CONNECTIONS connections for LOAD_SECONDS.
 */
export async function httpLoad(bundle: string = serverBundle()): Promise<HttpLoad> {
  const server = await startServerProcess(bundle);
  try {
    const result = await autocannon({
      url: `${server.url}/`,
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(launchEvent()),
    });
    return loadOf(result);
  } finally {
    await server.stop();
  }
}
