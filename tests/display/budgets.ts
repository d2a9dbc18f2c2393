import budgets from '../../lambda/display/budgets.json';
import * as path from 'node:path';
import { ROOT } from '../helpers/model';
import { asText } from './apl-expr';
import { resourcesFor, type Budget } from './apl-layout';
import { DOCUMENT_NAMES, savedDocument, type DocumentName } from './documents';
import { DEVICES, profileOf, type Device } from './viewports';

/**
 * The text budgets (lambda/display/budgets.json): per document, per text, per viewport profile, the
 * characters a line and the lines. A text whose size depends on its length (the instruction, a message's
 * body, a phone number) has a budget per size class: `instructionLarge`, `bodySmall`, `numberLong`…
 */

export { DOCUMENT_NAMES, type DocumentName };

type Table = Readonly<Record<string, readonly (string | null)[]>>;
const TABLES = budgets as unknown as Readonly<Record<DocumentName, Table>> & { profiles: readonly string[] };

const parse = (cell: string | null | undefined): Budget | undefined => {
  const m = /^(\d+) × (\d+)$/.exec(cell ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The budget key of a Text: its id, with the size class the data gives it where it has one. */
function keyOf(id: string, datasources: Record<string, unknown>): string {
  const data = (name: string): Record<string, unknown> =>
    (datasources[name] ?? {}) as Record<string, unknown>;
  if (id === 'instruction') return `${id}${capitalised(asText(data('step').size as string))}`;
  if (id === 'body') return `${id}${capitalised(asText(data('message').size as string))}`;
  if (id === 'number' && data('flag').numberSize === 'small') return 'numberLong';
  return id;
}

/** The budgets a screen's texts have on a device. */
export function budgetsFor(
  document: DocumentName,
  device: Device,
  datasources: Record<string, unknown>,
): (id: string) => Budget | undefined {
  const column = TABLES.profiles.indexOf(profileOf(device)?.id ?? '');
  return (id) => parse(TABLES[document][keyOf(id, datasources)]?.[column]);
}

/** The font size resource of each budget key. */
const SIZE_OF: Readonly<Record<string, string>> = {
  line1: 'lineSize',
  line2: 'lineSize',
  numberLabel: 'labelSize',
  alternative: 'labelSize',
};

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

/**
 * The budgets as Markdown tables, each cell "characters × lines, font size", for lambda/display/README.md.
 */
export function budgetTables(): string {
  const header = ['text', ...DEVICES.map((d) => `${d.name} (${profileOf(d)?.id ?? '?'})`)];
  return DOCUMENT_NAMES.map((name) => {
    const resources = DEVICES.map((device) => resourcesFor(savedDocument(name), device));
    const rows = Object.entries(TABLES[name]).map(([key, cells]) => {
      const shown = DEVICES.map((device, i) => {
        const cell = cells[TABLES.profiles.indexOf(profileOf(device)?.id ?? '')];
        if (!cell) return '—';
        const size = resources[i]?.[SIZE_OF[key] ?? `${key}Size`];
        return `${cell}, ${asText(size)} dp`;
      });
      const cut = name === 'message' && key.startsWith('body') ? ' (cut after its last line¹)' : '';
      return [`\`${key}\`${cut}`, ...shown];
    });
    return [`#### ${TITLES[name]}`, '', ...table([header, ...rows])].join('\n');
  }).join('\n\n');
}

export const README = path.join(ROOT, 'lambda', 'display', 'README.md');
export const START = '<!-- budgets:start -->';
export const END = '<!-- budgets:end -->';
