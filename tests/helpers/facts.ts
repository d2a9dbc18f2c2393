import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './model';

/** The repo's copy of the facts file; tests check it matches ../shared/content when that is present. */
export const FACTS_COPY = path.join(ROOT, 'docs', 'calf-care-facts.md');
export const FACTS_SHARED = path.join(ROOT, '..', 'shared', 'content', 'calf-care-facts.md');

export function factsText(): string {
  return readFileSync(FACTS_COPY, 'utf8');
}

export function sharedFactsText(): string | undefined {
  return existsSync(FACTS_SHARED) ? readFileSync(FACTS_SHARED, 'utf8') : undefined;
}

/** Section ids the facts file defines: "2", "2.1", "5(b)", … */
export function factsSections(text: string = factsText()): Set<string> {
  const sections = new Set<string>();
  let top = '';
  for (const line of text.split('\n')) {
    const heading = /^## (\d+)\. /.exec(line);
    if (heading?.[1]) {
      top = heading[1];
      sections.add(top);
      continue;
    }
    const sub = /^### \(([a-z])\) /.exec(line);
    if (sub?.[1] && top) sections.add(`${top}(${sub[1]})`);
    const row = /^\| (\d+\.\d+) \|/.exec(line);
    if (row?.[1]) sections.add(row[1]);
  }
  return sections;
}

export interface ClaimRow {
  readonly number: number;
  readonly claim: string;
  readonly verdict: string;
  readonly use: string;
}

/** The §7 table: claims of the original article with verdicts and whether the skill may use them. */
export function claimRows(text: string = factsText()): ClaimRow[] {
  const start = text.indexOf('## 7.');
  const end = text.indexOf('## 8.');
  const rows: ClaimRow[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const number = Number(cells[1]);
    if (!Number.isInteger(number) || number <= 0) continue;
    rows.push({ number, claim: cells[2] ?? '', verdict: cells[3] ?? '', use: cells[5] ?? '' });
  }
  return rows;
}
