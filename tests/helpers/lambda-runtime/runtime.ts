import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { close, listen } from '../loopback';
import { ROOT } from '../model';
import { run, start } from '../process';

/**
 * Lambda's Node 24 runtime, as close as runs offline: Node 24 from the npm registry (the `node`
 * devDependency), running Lambda's own runtime interface client (npm `aws-lambda-ric`, fetched once
 * with `npm pack` and checked against its registry integrity) against a Runtime API played on loopback.
 * Only its native HTTP transport is replaced (rapid-transport.cjs).
 */

/** The Node 24 binary the `node` devDependency installs. */
export const NODE_24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');

const RIC = {
  version: '4.0.2',
  integrity:
    'sha512-FE5Vskx7mYNnqAnWWJXUOsLp2VGgdsJsCoRLFTa8L4Yk0QVtArqR8q58yPA++QC1a73ZWJXBQ2AH31nIAv7NOQ==',
};

/** aws-lambda-ric's index.mjs (not a devDependency: it declares Node >= 22, and `npm ci` runs on 20 too). */
export async function awsLambdaRic(): Promise<string> {
  const dir = path.join(ROOT, 'node_modules', '.cache', `aws-lambda-ric-${RIC.version}`);
  const entry = path.join(dir, 'package', 'index.mjs');
  if (existsSync(entry)) return entry;
  mkdirSync(dir, { recursive: true });
  const packed = await run(
    'npm',
    ['pack', `aws-lambda-ric@${RIC.version}`, '--json', '--prefer-offline', '--pack-destination', dir],
    { timeoutMs: 120_000 },
  );
  const [info] = JSON.parse(packed.stdout) as { integrity: string; filename: string }[];
  if (packed.status !== 0 || info?.integrity !== RIC.integrity) {
    throw new Error(`npm pack aws-lambda-ric failed or its integrity differs:\n${packed.stderr}`);
  }
  const untar = await run('tar', ['xzf', path.join(dir, info.filename), '-C', dir, 'package/index.mjs'], {
    timeoutMs: 30_000,
  });
  if (untar.status !== 0) throw new Error(untar.stderr);
  return entry;
}

export interface Invocation {
  /** The function's answer, parsed, if it answered. */
  readonly response?: unknown;
  /** The error the runtime reported for the invocation, or at init (errorType, errorMessage). */
  readonly error?: { readonly errorType?: string; readonly errorMessage?: string };
  readonly phase: 'invoke' | 'init';
  /** From the runtime handing out the event to the answer. */
  readonly ms: number;
  readonly output: string;
}

/**
 * Starts the runtime on `taskRoot` with `handler` (e.g. index.handler), hands it `event` with
 * `deadlineMs` left, and resolves with its answer or its error; then stops it.
 */
export async function invokeInLambdaRuntime(
  taskRoot: string,
  handler: string,
  event: unknown,
  options: { deadlineMs?: number; env?: Record<string, string> } = {},
): Promise<Invocation> {
  const ric = await awsLambdaRic();
  let handedOut = 0;
  let settle: (invocation: Omit<Invocation, 'output'>) => void = () => undefined;
  const settled = new Promise<Omit<Invocation, 'output'>>((resolve) => {
    settle = resolve;
  });
  const body = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        resolve(text);
      });
    });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (req.method === 'GET' && url.endsWith('/runtime/invocation/next')) {
      if (handedOut > 0) return; // One event; the runtime then waits here until it is stopped.
      handedOut = Date.now();
      res.writeHead(200, {
        'content-type': 'application/json',
        'lambda-runtime-aws-request-id': 'request-1',
        'lambda-runtime-deadline-ms': String(Date.now() + (options.deadlineMs ?? 7000)),
        'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:us-east-1:123456789012:function:calf-coach',
      });
      res.end(JSON.stringify(event));
      return;
    }
    void body(req).then((text) => {
      res.writeHead(202).end('{}');
      const parsed = text ? (JSON.parse(text) as unknown) : undefined;
      const ms = handedOut ? Date.now() - handedOut : 0;
      if (url.endsWith('/response')) settle({ response: parsed, phase: 'invoke', ms });
      else if (url.endsWith('/invocation/request-1/error'))
        settle({ error: parsed as Invocation['error'] & object, phase: 'invoke', ms });
      else if (url.endsWith('/init/error'))
        settle({ error: parsed as Invocation['error'] & object, phase: 'init', ms });
    });
  });
  const endpoint = new URL(await listen(server));
  const runtime = start(NODE_24, ['--require', path.join(__dirname, 'rapid-transport.cjs'), ric], {
    cwd: taskRoot,
    env: {
      AWS_LAMBDA_RUNTIME_API: endpoint.host,
      AWS_LAMBDA_NODEJS_USE_ALTERNATIVE_CLIENT_1: 'true',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: 'calf-coach',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/calf-coach',
      AWS_LAMBDA_LOG_STREAM_NAME: 'test',
      LAMBDA_TASK_ROOT: taskRoot,
      _HANDLER: handler,
      ...options.env,
    },
  });
  try {
    const exited = runtime.closed.then((status) => {
      throw new Error(`the runtime exited (${String(status)}) without answering:\n${runtime.output()}`);
    });
    const result = await Promise.race([settled, exited]);
    return { ...result, output: runtime.output() };
  } finally {
    runtime.killAll();
    await close(server);
  }
}
