import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import dynalite from 'dynalite';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTemplateTable } from '../tests/helpers/dev-table';
import { envelope, localDevice, newSessionId } from '../lambda/local/simulator/envelope';
import { loadModel } from '../lambda/local/simulator/models';
import { Resolver } from '../lambda/local/simulator/nlu';
import { Simulator, type SkillLike } from '../lambda/local/simulator/simulator';
import { LoadTurnInterceptor } from '../lambda/turn/load';
import { SaveTurnInterceptor } from '../lambda/turn/save';
import { DynamoDbPersistenceAdapter } from '../lambda/persistence/dynamodb';
import { MemoryPersistenceAdapter } from '../lambda/persistence/memory';
import { REQUEST_HANDLERS, skillBuilder } from '../lambda/skill';
import { Hello } from './hello-skill';
import { median, ms, percentile, ratio } from './stats';

/**
 * `npm run bench`: warm turns, cold starts, bundle sizes, persistence calls and HTTP load, each against
 * a baseline measured in the same run (a hello-world ask-sdk skill bundled the same way). Writes
 * bench/RESULTS.md and the README's benchmark section. CALF_COACH_BENCH_QUICK=1 for a short run.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const QUICK = process.env.CALF_COACH_BENCH_QUICK === '1';
const OUT = path.join(ROOT, 'dist', 'bench');
const WARM_CONVERSATIONS = QUICK ? 40 : 300;
/** Warm-up rounds of each replay, not kept. */
const WARM_UP_ROUNDS = 5;
const RECORDED_USER = 'bench-recorded-user';
const COLD_RUNS = QUICK ? 5 : 15;
const LOAD_SECONDS = QUICK ? 5 : 20;
const LOAD_CONNECTIONS = 50;
const TABLE = 'calf-coach-bench';

/** A whole cramp-relief conversation, as a person would say it. */
const CRAMP = [
  'ask calf coach for help with a cramp',
  'no',
  'no',
  'no',
  'yes',
  'next',
  ...Array<string>(6).fill('no'),
  'next',
  'no',
  'next',
];

type LambdaHandler = (
  event: unknown,
  context: unknown,
  callback: (error: unknown, result?: unknown) => void,
) => void;

function asSkill(handler: LambdaHandler): SkillLike {
  return {
    invoke: (request) =>
      new Promise((resolve, reject) => {
        handler(request, {}, (error, result) => {
          if (error) reject(error instanceof Error ? error : new Error('handler failed'));
          else resolve(result as ResponseEnvelope);
        });
      }),
  };
}

function bundleTo(target: string, outfile: string, cjs = false): number {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'bundle.mjs'), target, outfile, ...(cjs ? ['--cjs'] : [])],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  return statSync(outfile).size;
}

function launchEvent(): RequestEnvelope {
  return envelope(
    localDevice(),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    { type: 'LaunchRequest' },
    new Date(),
  );
}

interface Cold {
  readonly ms: number;
  readonly wallMs: number;
  readonly maxRssKb: number;
}

/** A fresh Node process: require the bundle, answer one request; timed inside and from outside. */
function coldStart(bundle: string, env: NodeJS.ProcessEnv): Promise<Cold> {
  const code = `
    const t0 = process.hrtime.bigint();
    const { handler } = require(${JSON.stringify(bundle)});
    handler(${JSON.stringify(launchEvent())}, {}, (error, result) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (error || !result || !result.response) { console.error(error); process.exit(1); }
      process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
    });`;
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

async function startDynalite(): Promise<{ server: Server; endpoint: string }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTemplateTable(client, ROOT, TABLE);
  client.destroy();
  return { server, endpoint };
}

interface Row {
  readonly what: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
}

/** One cramp conversation through the simulator, as the envelopes Alexa would send (session attributes included). */
async function recordConversation(skill: SkillLike): Promise<{ requests: string; speech: string[] }> {
  const requests: RequestEnvelope[] = [];
  const speech: string[] = [];
  const recording: SkillLike = {
    invoke: async (request) => {
      requests.push(request);
      const response = await skill.invoke(request);
      speech.push(JSON.stringify(response.response.outputSpeech));
      return response;
    },
  };
  const simulator = new Simulator(
    recording,
    new Resolver(loadModel('en-US'), 'en-US'),
    localDevice({ userId: RECORDED_USER }),
  );
  for (const words of CRAMP) await simulator.say(words);
  return { requests: JSON.stringify(requests), speech };
}

/** The recorded conversation for a new user (so stored progress never changes the path), parsed afresh. */
const replayFor = (recorded: string, run: number): RequestEnvelope[] =>
  JSON.parse(recorded.replaceAll(`"${RECORDED_USER}"`, `"bench-${String(run)}"`)) as RequestEnvelope[];

/**
 * Replays the recorded envelopes through each skill in turn, a conversation each per round, and times
 * every turn. Both see exactly the same requests; the first rounds warm up and are not kept.
 */
async function replay(
  skills: Readonly<Record<string, SkillLike>>,
  recorded: string,
  rounds: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(skills).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, skill] of Object.entries(skills)) {
      for (const request of replayFor(recorded, i)) {
        const t0 = process.hrtime.bigint();
        await skill.invoke(request);
        if (i >= WARM_UP_ROUNDS) samples[name]?.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  }
  return samples;
}

/** Calf Coach's bundle and the baseline's, through their Lambda handlers, on the same recorded conversation. */
async function warmTurns(
  calf: LambdaHandler,
  hello: LambdaHandler,
): Promise<{ calf: number[]; hello: number[]; recorded: string }> {
  const calfSkill = asSkill(calf);
  const { requests: recorded, speech } = await recordConversation(calfSkill);
  // The replay must be the same conversation: a new user gets the same answers turn by turn.
  for (const [turn, request] of replayFor(recorded, -1).entries()) {
    const said = JSON.stringify((await calfSkill.invoke(request)).response.outputSpeech);
    if (said !== speech[turn]) throw new Error(`replayed turn ${String(turn)} answered differently`);
  }
  const samples = await replay({ calf: calfSkill, hello: asSkill(hello) }, recorded, WARM_CONVERSATIONS);
  return { calf: samples.calf ?? [], hello: samples.hello ?? [], recorded };
}

/**
 * Where a warm turn's time goes, in process, on the same recorded envelopes: the baseline, the
 * baseline behind as many handlers as Calf Coach has, the baseline with Calf Coach's state
 * interceptors, and Calf Coach.
 */
async function breakdown(recorded: string): Promise<{ what: string; median: number }[]> {
  const skip: RequestHandler = { canHandle: () => false, handle: (input) => Hello.handle(input) };
  const handlerCount = REQUEST_HANDLERS.length;
  const skills: Record<string, SkillLike> = {
    'hello world (the baseline)': SkillBuilders.custom().addRequestHandlers(Hello).create(),
    [`hello world behind ${String(handlerCount - 1)} handlers that decline`]: SkillBuilders.custom()
      .addRequestHandlers(...Array<RequestHandler>(handlerCount - 1).fill(skip), Hello)
      .create(),
    "hello world with Calf Coach's state interceptors (memory store)": SkillBuilders.custom()
      .withPersistenceAdapter(new MemoryPersistenceAdapter())
      .addRequestInterceptors(LoadTurnInterceptor)
      .addResponseInterceptors(SaveTurnInterceptor)
      .addRequestHandlers(Hello)
      .create(),
    'Calf Coach (memory store)': skillBuilder({
      persistenceAdapter: new MemoryPersistenceAdapter(),
    }).create(),
  };
  const samples = await replay(skills, recorded, WARM_CONVERSATIONS);
  return Object.entries(samples).map(([what, times]) => ({ what, median: median(times) }));
}

async function persistenceCalls(endpoint: string): Promise<{ reads: number; writes: number; turns: number }> {
  const calls: Record<string, number> = {};
  const adapter = new DynamoDbPersistenceAdapter({
    tableName: TABLE,
    endpoint,
    region: 'us-east-1',
    onCall: (operation) => {
      calls[operation] = (calls[operation] ?? 0) + 1;
    },
  });
  const skill = skillBuilder({ persistenceAdapter: adapter }).create();
  const simulator = new Simulator(
    skill,
    new Resolver(loadModel('en-US'), 'en-US'),
    localDevice({ userId: 'bench-db' }),
  );
  for (const words of CRAMP) await simulator.say(words);
  return { reads: calls.GetItem ?? 0, writes: calls.PutItem ?? 0, turns: CRAMP.length };
}

async function load(): Promise<{
  p50: number;
  p99: number;
  rps: number;
  total: number;
  errors: number;
  non2xx: number;
}> {
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

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${String(os.cpus().length)} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

function table(rows: readonly Row[]): string {
  return [
    '| measure | Calf Coach | baseline (hello world) | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.what} | ${row.value} | ${row.baseline} | ${row.ratio} | ${row.target} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  process.env.CALF_COACH_LOG = 'silent';
  const calfBundle = path.join(OUT, 'calf.js');
  const helloBundle = path.join(OUT, 'hello.js');
  const sizes = {
    calf: bundleTo('lambda', calfBundle),
    hello: bundleTo('hello', helloBundle),
    naive: bundleTo('sdk', path.join(OUT, 'calf-naive.js'), true),
    esm: bundleTo('sdk', path.join(OUT, 'calf-esm.js')),
  };
  console.log('bundles built', sizes);

  /* eslint-disable @typescript-eslint/no-require-imports */
  const calf = (require(calfBundle) as { handler: LambdaHandler }).handler;
  const hello = (require(helloBundle) as { handler: LambdaHandler }).handler;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const warm = await warmTurns(calf, hello);
  const parts = await breakdown(warm.recorded);
  console.log('warm turns done', warm.calf.length);

  const db = await startDynalite();
  const tableEnv = {
    ...process.env,
    CALF_COACH_TABLE: TABLE,
    DYNAMODB_ENDPOINT: db.endpoint,
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
    cold.hello.push(await coldStart(helloBundle, noTableEnv));
    cold.calf.push(await coldStart(calfBundle, noTableEnv));
    cold.table.push(await coldStart(calfBundle, tableEnv));
    cold.esm.push(await coldStart(path.join(OUT, 'calf-esm.js'), tableEnv));
    cold.naive.push(await coldStart(path.join(OUT, 'calf-naive.js'), tableEnv));
  }
  const dbCalls = await persistenceCalls(db.endpoint);
  await new Promise<void>((resolve) =>
    db.server.close(() => {
      resolve();
    }),
  );
  console.log('cold starts and persistence done');

  const loadResult = await load();
  console.log('load done');

  const coldMs = (runs: Cold[]): number => median(runs.map((run) => run.ms));
  const wall = (runs: Cold[]): number => median(runs.map((run) => run.wallMs));
  const maxRss = (runs: Cold[]): number => Math.max(...runs.map((run) => run.maxRssKb)) / 1024;
  const warmCalf = median(warm.calf);
  const warmHello = median(warm.hello);
  const rows: Row[] = [
    {
      what: `warm turn, median (${String(warm.calf.length)} turns: a recorded cramp conversation replayed through each Lambda handler)`,
      value: `${ms(warmCalf)} ms`,
      baseline: `${ms(warmHello)} ms`,
      ratio: ratio(warmCalf, warmHello),
      target: '≤ 1.5×',
    },
    {
      what: 'warm turn, p99',
      value: `${ms(percentile(warm.calf, 99))} ms`,
      baseline: `${ms(percentile(warm.hello, 99))} ms`,
      ratio: ratio(percentile(warm.calf, 99), percentile(warm.hello, 99)),
      target: '',
    },
    {
      what: `cold start: a fresh Node process loads the bundle and answers its first request (spawn to exit, median of ${String(COLD_RUNS)}), no table`,
      value: `${ms(wall(cold.calf))} ms`,
      baseline: `${ms(wall(cold.hello))} ms`,
      ratio: ratio(wall(cold.calf), wall(cold.hello)),
      target: '≤ 1.3×',
    },
    {
      what: 'the same with CALF_COACH_TABLE set (DynamoDB adapter loaded; first read and write against dynalite)',
      value: `${ms(wall(cold.table))} ms`,
      baseline: `${ms(wall(cold.hello))} ms`,
      ratio: ratio(wall(cold.table), wall(cold.hello)),
      target: '≤ 2×',
    },
    {
      what: 'of which: require + first answer inside the process, no table / with table',
      value: `${ms(coldMs(cold.calf))} / ${ms(coldMs(cold.table))} ms`,
      baseline: `${ms(coldMs(cold.hello))} ms`,
      ratio: `${ratio(coldMs(cold.calf), coldMs(cold.hello))} / ${ratio(coldMs(cold.table), coldMs(cold.hello))}`,
      target: '',
    },
    {
      what: 'bundle size (minified, everything inlined)',
      value: `${String(sizes.calf)} B`,
      baseline: `${String(sizes.hello)} B`,
      ratio: ratio(sizes.calf, sizes.hello),
      target: '< 400 KB (409,600 B)',
    },
    {
      what: 'peak memory (max RSS) of a cold start, with table',
      value: `${maxRss(cold.table).toFixed(1)} MiB`,
      baseline: `${maxRss(cold.hello).toFixed(1)} MiB`,
      ratio: ratio(maxRss(cold.table), maxRss(cold.hello)),
      target: '',
    },
  ];
  const choices = [
    '| bundle choice | size | cold start with table (spawn to exit), median |',
    '| --- | --- | --- |',
    `| AWS SDK v3 DynamoDBClient, CommonJS builds (bench/sdk-skill.ts) | ${String(sizes.naive)} B | ${ms(wall(cold.naive))} ms |`,
    `| the same with ES module builds, so unused commands are tree-shaken | ${String(sizes.esm)} B | ${ms(wall(cold.esm))} ms |`,
    `| GetItem/PutItem/DeleteItem as SigV4-signed HTTPS requests, credentials from the environment (shipped) | ${String(sizes.calf)} B | ${ms(wall(cold.table))} ms |`,
  ].join('\n');
  const helloMedian = parts[0]?.median ?? NaN;
  const where = [
    'Where a warm turn goes (in process, the same recorded envelopes, median per turn; ask-sdk deep-copies the session attributes on every request, for the baseline too):',
    '',
    '| skill | median | ratio to the baseline |',
    '| --- | --- | --- |',
    ...parts.map(
      (part) =>
        `| ${part.what} | ${(part.median * 1000).toFixed(1)} µs | ${ratio(part.median, helloMedian)} |`,
    ),
  ].join('\n');
  const persistence = `Persistence against dynalite, one full cramp conversation of ${String(dbCalls.turns)} turns: ${String(dbCalls.reads)} read(s) and ${String(dbCalls.writes)} write(s) (${(dbCalls.reads / dbCalls.turns).toFixed(2)} reads and ${(dbCalls.writes / dbCalls.turns).toFixed(2)} writes per turn).`;
  const loadLine = `Load on \`npm run serve\` (verification off) with autocannon, ${String(LOAD_CONNECTIONS)} connections for ${String(LOAD_SECONDS)} s on loopback: ${String(loadResult.total)} requests, ${loadResult.rps.toFixed(0)} req/s, latency p50 ${String(loadResult.p50)} ms, p99 ${String(loadResult.p99)} ms, ${String(loadResult.errors)} errors, ${String(loadResult.non2xx)} non-2xx.`;
  const report = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}${QUICK ? ' (quick run)' : ''}.`,
    '',
    table(rows),
    '',
    where,
    '',
    choices,
    '',
    persistence,
    '',
    loadLine,
  ].join('\n');
  writeFileSync(
    path.join(ROOT, 'bench', 'RESULTS.md'),
    `# Benchmark results (\`npm run bench\`)\n\n${report}\n`,
  );
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (text.includes(start) && text.includes(end)) {
    writeFileSync(
      readme,
      `${text.slice(0, text.indexOf(start) + start.length)}\n${report}\n${text.slice(text.indexOf(end))}`,
    );
  }
  // Keep both files as Prettier writes them, so `npm test`'s format check stays green after a bench run.
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
      '--write',
      readme,
      path.join(ROOT, 'bench', 'RESULTS.md'),
    ],
    { stdio: 'ignore' },
  );
  console.log(`\n${report}`);
  if (loadResult.errors > 0 || loadResult.non2xx > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
