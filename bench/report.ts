import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Bundles } from './bundle-sizes';
import type { Cold, ColdStarts } from './cold-start';
import { firstStretchTable, type FirstStretch } from './first-stretch';
import type { HttpLoad } from './http-load';
import type { MixedLoad } from './mixed-load';
import type { PersistenceCalls } from './persistence-calls';
import type { SlowTurns } from './slow-turn';
import { COLD_RUNS, LOAD_CONNECTIONS, LOAD_SECONDS, QUICK, ROOT } from './settings';
import { median, ms, percentile, ratio } from './stats';
import type { TurnPart } from './turn-breakdown';

/** Everything the measurements found, in the order they ran. */
export interface Results {
  readonly sizes: Bundles<number>;
  readonly warm: { readonly calf: number[]; readonly hello: number[] };
  readonly parts: readonly TurnPart[];
  readonly firstStretch: readonly FirstStretch[];
  readonly cold: ColdStarts;
  readonly dbCalls: PersistenceCalls;
  readonly slow: SlowTurns;
  readonly load: HttpLoad;
  readonly mixed: MixedLoad;
}

interface Row {
  readonly what: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
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

/**
 * Writes the results as Markdown to bench/RESULTS.md and between the README's bench markers (both then
 * formatted by Prettier), and prints them.
 */
export function writeReport({
  sizes,
  warm,
  parts,
  firstStretch,
  cold,
  dbCalls,
  slow,
  load,
  mixed,
}: Results): void {
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
      target: '≤ 2×',
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
      target: '≤ 1.2×',
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
      target: '< 300 KB (307,200 B)',
    },
    {
      what: `a turn with every dependency slow (table 0.95 s a call with another device writing meanwhile, Alexa APIs 2.9 s a call): "speak slower" in a new session / a one-shot reminder / cancelling three reminders, worst of ${String(slow.runs)}`,
      value: `${ms(slow.slower)} / ${ms(slow.reminder)} / ${ms(slow.cancel)} ms`,
      baseline: '',
      ratio: '',
      target: '< 3,000 ms',
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
    `| GetItem/UpdateItem/PutItem/DeleteItem as SigV4-signed HTTPS requests, credentials from the environment (shipped) | ${String(sizes.calf)} B | ${ms(wall(cold.table))} ms |`,
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
  const stretch = [
    'First stretch, one-shot cramp path ("ask calf coach for help with a cramp" in a new session, then "no" to each question, by intent; a first-time user): the answers given, and the words spoken from the first response up to the first stretch\'s hold, with their seconds of speech at 150 words a minute:',
    '',
    firstStretchTable(firstStretch),
  ].join('\n');
  const two = dbCalls.twoDevices;
  const persistence = `Persistence against dynalite, one full cramp conversation of ${String(dbCalls.turns)} turns: ${String(dbCalls.reads)} read(s) and ${String(dbCalls.writes)} write(s) (${(dbCalls.reads / dbCalls.turns).toFixed(2)} reads and ${(dbCalls.writes / dbCalls.turns).toFixed(2)} writes per turn); writes are UpdateItem on the changed fields, guarded by the item's version. The same conversation while a second device of the same user opens the skill and changes a preference: ${String(two.reads)} reads and ${String(two.writes)} writes in all, of which ${String(two.conflicts)} conflict(s): each device wrote once over the other's, and each conflict cost one more read and one more write (the one-device figures are the common case: the merge adds nothing there).`;
  const loadTable = [
    `Load on \`npm run serve\` (verification off, its default file store: a file per user) with autocannon, ${String(LOAD_CONNECTIONS)} connections for ${String(LOAD_SECONDS)} s on loopback:`,
    '',
    '| load | requests | req/s | latency p50 | latency p99 | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| LaunchRequest, one user | ${String(load.total)} | ${load.rps.toFixed(0)} | ${String(load.p50)} ms | ${String(load.p99)} ms | ${String(load.errors)} | ${String(load.non2xx)} |`,
    `| mixed: ${String(mixed.turns)}-turn cramp conversations of ${String(mixed.users)} users, session carried turn to turn (${String(mixed.conversations)} conversations finished; target p99 < 150 ms) | ${String(mixed.total)} | ${mixed.rps.toFixed(0)} | ${String(mixed.p50)} ms | ${String(mixed.p99)} ms | ${String(mixed.errors)} | ${String(mixed.non2xx)} |`,
  ].join('\n');
  const report = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}${QUICK ? ' (quick run)' : ''}.`,
    '',
    table(rows),
    '',
    stretch,
    '',
    where,
    '',
    choices,
    '',
    persistence,
    '',
    loadTable,
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
}
