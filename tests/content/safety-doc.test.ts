import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPORTS, SCREEN_QUESTIONS } from '../../lambda/safety/red-flags';
import { RESOURCES } from '../../lambda/speech/i18n';
import { safetyDoc } from '../../scripts/safety-doc';
import { ROOT } from '../helpers/model';

describe('docs/safety.md, the screen as a clinician reviews it', () => {
  const doc = safetyDoc();

  it('is up to date with the code: run `npm run safety-doc` after changing a question, an answer or a number', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'safety.md'), 'utf8')).toBe(doc);
  });

  it('holds every screen question as spoken in each language, every report, and the facts behind them', () => {
    for (const resources of [RESOURCES.en, RESOURCES.de, RESOURCES.es]) {
      for (const id of Object.keys(SCREEN_QUESTIONS) as (keyof typeof SCREEN_QUESTIONS)[]) {
        expect(doc).toContain(resources.screen[id]);
      }
    }
    for (const id of Object.keys(REPORTS)) expect(doc).toContain(`| ${id} |`);
    for (const number of ['9 1 1', '9 9 9', 'triple zero', '1 1 2', '1 1 6 1 1 7'])
      expect(doc).toContain(number);
    expect(doc).toMatch(/§5\(a\)/);
  });
});
