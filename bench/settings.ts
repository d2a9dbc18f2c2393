import * as path from 'node:path';

/** Settings more than one part of the benchmark needs. CALF_COACH_BENCH_QUICK=1 shortens every run. */

/** The repository root (the bench runs as dist/bench/run.js). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const QUICK = process.env.CALF_COACH_BENCH_QUICK === '1';
/** Where the bench writes the bundles it measures. */
export const OUT = path.join(ROOT, 'dist', 'bench');
/** Rounds of the recorded conversation replayed through each skill (warm turns and the turn breakdown). */
export const WARM_CONVERSATIONS = QUICK ? 40 : 300;
/** Fresh processes started per bundle. */
export const COLD_RUNS = QUICK ? 5 : 15;
export const LOAD_SECONDS = QUICK ? 5 : 20;
export const LOAD_CONNECTIONS = 50;
/** The progress table's name in the local DynamoDB (dynalite). */
export const TABLE = 'calf-coach-bench';

/** A whole cramp-relief conversation, as a person would say it. */
export const CRAMP = [
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
