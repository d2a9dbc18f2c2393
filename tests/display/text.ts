import { loadSync, type Font } from 'opentype.js';
import * as path from 'node:path';

/**
 * Text as an APL renderer sets it: real glyph advances, wrapped the way a browser wraps a Text
 * (white-space: pre-wrap; overflow-wrap: break-word), which is how Amazon's web renderer measures text
 * for APL core's layout.
 *
 * The font is Arimo (npm @fontsource/arimo, its Latin subset, regular and bold): Arial's metrics, the
 * same advances as Liberation Sans, which stands in for Amazon Ember wherever Ember is not installed.
 * Advances are exact, kerning (GPOS pairs) included, as HarfBuzz applies it by default; no hinting.
 */

const FONT_FILES = path.dirname(require.resolve('@fontsource/arimo/package.json'));

export type Weight = 'regular' | 'bold';

const fonts = new Map<Weight, Font>();

/** The font a weight is drawn in; Arimo has regular and bold only, as Liberation Sans has. */
export function fontOf(weight: Weight): Font {
  const known = fonts.get(weight);
  if (known) return known;
  const file = `arimo-latin-${weight === 'bold' ? '700' : '400'}-normal.woff`;
  const font = loadSync(path.join(FONT_FILES, 'files', file));
  fonts.set(weight, font);
  return font;
}

/** APL's fontWeight as the two weights a browser picks from: bold from 600 (or "bold"). */
export function weightOf(fontWeight: unknown): Weight {
  if (fontWeight === 'bold' || fontWeight === 'bolder') return 'bold';
  const n = Number(fontWeight);
  return Number.isFinite(n) && n >= 600 ? 'bold' : 'regular';
}

interface Metrics {
  readonly em: number;
  readonly advance: Map<string, number>;
  readonly kerning: Map<string, number>;
  readonly missing: Set<string>;
}

const metrics = new Map<Weight, Metrics>();

function metricsOf(weight: Weight): Metrics {
  const known = metrics.get(weight);
  if (known) return known;
  const m: Metrics = {
    em: fontOf(weight).unitsPerEm,
    advance: new Map(),
    kerning: new Map(),
    missing: new Set(),
  };
  metrics.set(weight, m);
  return m;
}

function advanceOf(m: Metrics, weight: Weight, c: string): number {
  let a = m.advance.get(c);
  if (a === undefined) {
    const font = fontOf(weight);
    const glyph = font.charToGlyph(c);
    if (glyph.index === 0 && c !== '\n') m.missing.add(c);
    a = glyph.advanceWidth ?? 0;
    m.advance.set(c, a);
  }
  return a;
}

function kerningOf(m: Metrics, weight: Weight, pair: string): number {
  let k = m.kerning.get(pair);
  if (k === undefined) {
    const font = fontOf(weight);
    const [a = '', b = ''] = Array.from(pair);
    const together = font.getAdvanceWidth(pair, m.em, { kerning: true });
    k = together - advanceOf(m, weight, a) - advanceOf(m, weight, b);
    m.kerning.set(pair, k);
  }
  return k;
}

/** The width of a run of text in dp at `fontSize`: the sum of its advances and its pairs' kerning. */
export function textWidth(text: string, fontSize: number, weight: Weight): number {
  const m = metricsOf(weight);
  const chars = Array.from(text);
  let units = 0;
  chars.forEach((c, i) => {
    units += advanceOf(m, weight, c);
    const next = chars[i + 1];
    if (next !== undefined) units += kerningOf(m, weight, c + next);
  });
  return (units / m.em) * fontSize;
}

/** Characters the font has no glyph for, met so far (a browser would draw them in another font). */
export function missingGlyphs(weight: Weight): string[] {
  return [...metricsOf(weight).missing];
}

export interface Line {
  /** The line's text, without the spaces it ends in (they hang past the edge and take no room). */
  readonly text: string;
  readonly width: number;
}

export interface Wrapped {
  readonly lines: readonly Line[];
  /** A word wider than the line had to be broken inside it (overflow-wrap: break-word). */
  readonly brokenWords: readonly string[];
}

/**
 * Break opportunities, as a browser finds them (Unicode line breaking, the cases these texts meet):
 * after a run of spaces, and after a hyphen or a dash that follows a letter (never after a no-break
 * space, nor inside a number such as "1800 022 222", whose spaces are ordinary and so break).
 */
function segments(paragraph: string): string[] {
  const out: string[] = [];
  let current = '';
  const chars = Array.from(paragraph);
  chars.forEach((c, i) => {
    current += c;
    const next = chars[i + 1];
    if (next === undefined) return;
    const afterSpace = c === ' ' && next !== ' ';
    const afterDash = /[-‐–—]/.test(c) && /\p{L}/u.test(chars[i - 1] ?? '') && next !== ' ';
    if (afterSpace || afterDash) {
      out.push(current);
      current = '';
    }
  });
  if (current) out.push(current);
  return out;
}

const trimEnd = (s: string): string => s.replace(/ +$/, '');

/**
 * Greedy line breaking at `width` dp (Infinity: one line a paragraph), as a browser does it: each line
 * takes segments while they fit (its trailing spaces not counted); a segment wider than a whole line is
 * broken between characters where it overflows. A newline ends a line.
 */
export function wrapText(text: string, width: number, fontSize: number, weight: Weight): Wrapped {
  const lines: Line[] = [];
  const brokenWords: string[] = [];
  const w = (s: string): number => textWidth(s, fontSize, weight);
  const push = (s: string): void => {
    const t = trimEnd(s);
    lines.push({ text: t, width: w(t) });
  };
  const EPSILON = 0.01;
  if (text === '') return { lines, brokenWords };
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const segment of segments(paragraph)) {
      if (w(trimEnd(line + segment)) <= width + EPSILON) {
        line += segment;
        continue;
      }
      if (line) push(line);
      if (w(trimEnd(segment)) <= width + EPSILON) {
        line = segment;
        continue;
      }
      // overflow-wrap: break-word: as many characters a line as fit, at least one.
      brokenWords.push(trimEnd(segment));
      let rest = segment;
      while (w(trimEnd(rest)) > width + EPSILON) {
        const chars = Array.from(rest);
        let n = 1;
        while (n < chars.length && w(chars.slice(0, n + 1).join('')) <= width + EPSILON) n++;
        push(chars.slice(0, n).join(''));
        rest = chars.slice(n).join('');
      }
      line = rest;
    }
    push(line);
  }
  return { lines, brokenWords };
}
