import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ROOT } from './model';

/*
 * Every program a test starts runs in a process group of its own, and the whole group is killed once
 * the program exits, is stopped, or runs out of time. Killing only `npm` would leave its children
 * (`node dist/server.js`, esbuild) running with our pipes open, and jest would wait for them forever.
 */

export interface StartOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

export interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** The first match of `pattern` in the output; rejects after `ms`. */
  waitFor(pattern: RegExp, ms: number): Promise<RegExpExecArray>;
  /** The exit status, once the program has exited and its output is closed. */
  readonly closed: Promise<number | null>;
  /** Kills the program and everything it started. Safe to call at any time, and more than once. */
  killAll(): void;
}

export function start(command: string, args: readonly string[], options: StartOptions = {}): Started {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  child.stdin.on('error', () => undefined);
  const killAll = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has ended already.
    }
  };
  child.once('exit', killAll);
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const waitFor = (pattern: RegExp, ms: number): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + ms;
      const check = (): void => {
        const found = pattern.exec(output);
        if (found) resolve(found);
        else if (Date.now() > deadline)
          reject(new Error(`no ${String(pattern)} within ${String(ms)} ms:\n${output}`));
        else setTimeout(check, 50);
      };
      check();
    });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    waitFor,
    closed,
    killAll,
  };
}

export interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end with `input` on stdin; after `timeoutMs` it is killed, and stderr says so. */
export async function run(
  command: string,
  args: readonly string[],
  options: StartOptions & { readonly input?: string; readonly timeoutMs: number },
): Promise<Finished> {
  const started = start(command, args, options);
  started.child.stdin.end(options.input ?? '');
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => {
      resolve('expired');
    }, options.timeoutMs);
  });
  try {
    const first = await Promise.race([started.closed, expired]);
    if (first === 'expired') started.killAll();
    const status = await started.closed;
    const killed = first === 'expired' ? `\n[killed after ${String(options.timeoutMs)} ms]` : '';
    return { status, stdout: started.stdout(), stderr: started.stderr() + killed };
  } finally {
    clearTimeout(timer);
  }
}

/** `node scripts/bundle.mjs <target> <outfile>`; throws with esbuild's message if it fails. */
export async function bundleTo(target: string, outfile: string): Promise<void> {
  const done = await run(process.execPath, ['scripts/bundle.mjs', target, outfile], { timeoutMs: 60_000 });
  if (done.status !== 0)
    throw new Error(`bundling ${target} failed (${String(done.status)}):\n${done.stderr}`);
}
