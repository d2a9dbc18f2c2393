import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { OUT, ROOT } from './settings';

/**
 * Builds the bundles the other measurements load, each with scripts/bundle.mjs as the real build does, and
 * measures their sizes: Calf Coach, the hello-world baseline, and Calf Coach on the AWS SDK v3
 * DynamoDBClient (bench/sdk-skill.ts) from CommonJS and from ES module builds.
 */

export interface Bundles<T> {
  readonly calf: T;
  readonly hello: T;
  readonly naive: T;
  readonly esm: T;
}

/** Bundles a scripts/bundle.mjs target to outfile; returns its size in bytes. */
export function bundleTo(target: string, outfile: string, cjs = false): number {
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

export function bundleSizes(): { files: Bundles<string>; sizes: Bundles<number> } {
  const files: Bundles<string> = {
    calf: path.join(OUT, 'calf.js'),
    hello: path.join(OUT, 'hello.js'),
    naive: path.join(OUT, 'calf-naive.js'),
    esm: path.join(OUT, 'calf-esm.js'),
  };
  const sizes: Bundles<number> = {
    calf: bundleTo('lambda', files.calf),
    hello: bundleTo('hello', files.hello),
    naive: bundleTo('sdk', files.naive, true),
    esm: bundleTo('sdk', files.esm),
  };
  return { files, sizes };
}
