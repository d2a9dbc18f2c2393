import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { InteractionModel } from '../../lambda/local/nlu';

export const ROOT = path.resolve(__dirname, '..', '..');

export function loadModel(locale = 'en-US'): InteractionModel {
  const file = path.join(ROOT, 'interaction-models', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as InteractionModel;
}
