import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { InteractionModel } from './nlu';

/** The interaction-models folder, found from here whether running from source or from dist/. */
export function modelsDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'interaction-models');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('interaction-models folder not found');
    dir = parent;
  }
}

export function availableLocales(dir: string = modelsDir()): string[] {
  return readdirSync(dir)
    .filter((name) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(name))
    .map((name) => name.replace(/\.json$/, ''))
    .sort();
}

export function loadModel(locale: string, dir: string = modelsDir()): InteractionModel {
  const file = path.join(dir, `${locale}.json`);
  if (!existsSync(file)) {
    throw new Error(`No interaction model for ${locale}. Available: ${availableLocales(dir).join(', ')}`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as InteractionModel;
}
