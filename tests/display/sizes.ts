import * as path from 'node:path';
import { ROOT } from '../helpers/model';
import { asText } from './apl-expr';
import { DOCUMENT_NAMES, savedDocument, type DocumentName } from './documents';
import { resourcesFor } from './layout';
import { DEVICES, profileOf } from './viewports';

/**
 * The type sizes each document sets per viewport profile (its `…Size` dimensions, and the `…Lines` a
 * transcript may take), as Markdown tables for lambda/display/README.md.
 */

/** A Markdown table with its columns padded, as Prettier writes it. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(3, ...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

const TITLES: Readonly<Record<DocumentName, string>> = {
  step: 'Step card (`step`)',
  message: 'Message screen (`message`)',
  flag: 'Red-flag screen (`flag`)',
};

/** Each document's sizes per device: a row per resource, "N dp" (or "N lines"). */
export function sizeTables(): string {
  const header = ['resource', ...DEVICES.map((d) => `${d.name} (${profileOf(d)?.id ?? '?'})`)];
  return DOCUMENT_NAMES.map((name) => {
    const document = savedDocument(name);
    const resources = DEVICES.map((device) => resourcesFor(document, device));
    const names = [...new Set(resources.flatMap((r) => Object.keys(r)))].filter((key) =>
      /(Size|Lines)$/.test(key),
    );
    const rows = names.map((key) => [
      `\`${key}\``,
      ...resources.map((r) =>
        r[key] === undefined ? '—' : `${asText(r[key])} ${key.endsWith('Lines') ? 'lines' : 'dp'}`,
      ),
    ]);
    return [`#### ${TITLES[name]}`, '', ...table([header, ...rows])].join('\n');
  }).join('\n\n');
}

export const README = path.join(ROOT, 'lambda', 'display', 'README.md');
export const START = '<!-- sizes:start -->';
export const END = '<!-- sizes:end -->';
