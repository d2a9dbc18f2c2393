import type { PathCommand } from 'opentype.js';
import { asText } from './apl-expr';
import { png } from './icons';
import { boxes, draws, lineBoxes, type Box, type Laid } from './layout';
import { fontOf } from './text';
import type { Device } from './viewports';

/**
 * Previews of a laid-out screen, for people: the layout ./layout.ts computes (the same one the fit test
 * checks), drawn as a PNG: the background, every Frame's colour (rounded where it says so), every Text's
 * lines in Arimo at their places, and on a round screen, the circle. Not Amazon's renderer: the devices
 * draw Amazon Ember, and these are previews of the layout, at one pixel a dp.
 */

type Rgb = readonly [number, number, number];

function colour<T extends Rgb | undefined>(value: unknown, fallback: T): Rgb | T {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(asText(value as string));
  if (!m) return fallback;
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

/** APL's text colour on the dark theme. */
const TEXT: Rgb = [0xfa, 0xfa, 0xfa];
/** Where a round screen has no pixels. */
const BEZEL: Rgb = [0x30, 0x30, 0x30];
/** Samples a pixel's row is cut into, for smooth edges. */
const ROWS = 4;

type Point = readonly [number, number];

class Canvas {
  readonly pixels: Float32Array;
  private readonly coverage: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Float32Array(width * height * 3);
    this.coverage = new Float32Array(width * height);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3);
  }

  /** Fills closed polygons, non-zero winding, in a colour. */
  fill(polygons: readonly (readonly Point[])[], rgb: Rgb): void {
    const edges: [number, number, number, number][] = [];
    for (const polygon of polygons)
      polygon.forEach((a, i) => {
        const b = polygon[(i + 1) % polygon.length] ?? a;
        if (a[1] !== b[1]) edges.push([a[0], a[1], b[0], b[1]]);
      });
    if (edges.length === 0) return;
    const top = Math.max(0, Math.floor(Math.min(...edges.map((e) => Math.min(e[1], e[3])))));
    const bottom = Math.min(this.height, Math.ceil(Math.max(...edges.map((e) => Math.max(e[1], e[3])))));
    this.coverage.fill(0, top * this.width, bottom * this.width);
    for (let py = top; py < bottom; py++) {
      for (let s = 0; s < ROWS; s++) {
        const y = py + (s + 0.5) / ROWS;
        const crossings: [number, number][] = [];
        for (const [x0, y0, x1, y1] of edges)
          if (y0 <= y !== y1 <= y)
            crossings.push([x0 + ((y - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
        crossings.sort((a, b) => a[0] - b[0]);
        let winding = 0;
        crossings.forEach(([x, dir], i) => {
          winding += dir;
          const next = crossings[i + 1];
          if (winding !== 0 && next) this.span(py, x, next[0]);
        });
      }
    }
    for (let i = top * this.width; i < bottom * this.width; i++) {
      const a = Math.min(1, this.coverage[i] ?? 0);
      if (a === 0) continue;
      for (let c = 0; c < 3; c++) {
        const at = i * 3 + c;
        this.pixels[at] = (this.pixels[at] ?? 0) * (1 - a) + (rgb[c] ?? 0) * a;
      }
    }
  }

  /** Adds one sample row's coverage from x0 to x1 (exact across the pixels it partly covers). */
  private span(py: number, x0: number, x1: number): void {
    const from = Math.max(0, x0);
    const to = Math.min(this.width, x1);
    const row = py * this.width;
    for (let px = Math.floor(from); px < to; px++) {
      const covered = Math.min(px + 1, to) - Math.max(px, from);
      if (covered > 0) this.coverage[row + px] = (this.coverage[row + px] ?? 0) + covered / ROWS;
    }
  }

  png(): Buffer {
    const bytes = new Uint8Array(this.pixels.length);
    this.pixels.forEach((v, i) => {
      bytes[i] = Math.round(Math.max(0, Math.min(255, v)));
    });
    return png(this.width, bytes, this.height);
  }
}

/** A rectangle with rounded corners, as a polygon. */
function roundedRect(x: number, y: number, w: number, h: number, radius: number): Point[] {
  const r = Math.max(0, Math.min(radius, w / 2, h / 2));
  if (r === 0)
    return [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ];
  const corner = (cx: number, cy: number, start: number): Point[] =>
    Array.from({ length: 9 }, (_, i): Point => {
      const angle = start + (i / 8) * (Math.PI / 2);
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    });
  return [
    ...corner(x + w - r, y + r, -Math.PI / 2),
    ...corner(x + w - r, y + h - r, 0),
    ...corner(x + r, y + h - r, Math.PI / 2),
    ...corner(x + r, y + r, Math.PI),
  ];
}

/** A glyph path's contours as polygons, its curves flattened. */
function polygonsOf(commands: readonly PathCommand[]): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  const STEPS = 8;
  for (const c of commands) {
    if (c.type === 'M') {
      if (current.length > 2) polygons.push(current);
      at = [c.x, c.y];
      current = [at];
    } else if (c.type === 'L') {
      at = [c.x, c.y];
      current.push(at);
    } else if (c.type === 'Q') {
      const [x0, y0] = at;
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        current.push([
          u * u * x0 + 2 * u * t * c.x1 + t * t * c.x,
          u * u * y0 + 2 * u * t * c.y1 + t * t * c.y,
        ]);
      }
      at = [c.x, c.y];
    } else if (c.type === 'C') {
      const [x0, y0] = at;
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        const b = (p0: number, p1: number, p2: number, p3: number): number =>
          u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        current.push([b(x0, c.x1, c.x2, c.x), b(y0, c.y1, c.y2, c.y)]);
      }
      at = [c.x, c.y];
    } else {
      if (current.length > 2) polygons.push(current);
      current = [];
    }
  }
  if (current.length > 2) polygons.push(current);
  return polygons;
}

/** The screen as a PNG, one pixel a dp. */
export function preview(laid: Laid, device: Device, background: unknown): Buffer {
  const canvas = new Canvas(device.width, device.height, colour(background, [0, 0, 0]));
  for (const box of boxes(laid.root)) {
    if (draws(box) && !box.text) {
      const radius = typeof box.props.borderRadius === 'number' ? box.props.borderRadius : 0;
      const rgb = colour(box.props.backgroundColor, undefined);
      if (rgb) canvas.fill([roundedRect(box.x, box.y, box.w, box.h, radius)], rgb);
    }
    if (box.text) drawText(canvas, box);
  }
  if (device.shape === 'round') {
    const r = device.width / 2;
    const circle = Array.from({ length: 180 }, (_, i): Point => {
      const a = (i / 180) * 2 * Math.PI;
      return [r + r * Math.cos(a), r + r * Math.sin(a)];
    });
    const frame: Point[] = [
      [0, 0],
      [0, device.height],
      [device.width, device.height],
      [device.width, 0],
    ];
    // The square less the circle: the square drawn one way round, the circle the other.
    canvas.fill([frame, circle], BEZEL);
  }
  return canvas.png();
}

function drawText(canvas: Canvas, box: Box): void {
  const t = box.text;
  if (!t) return;
  const font = fontOf(t.weight);
  // CSS's line box: the font's ascent and descent (its typographic metrics), the leading shared above and below.
  const ascent = font.ascender / font.unitsPerEm;
  const descent = -font.descender / font.unitsPerEm;
  const rgb = colour(box.props.color, TEXT);
  for (const line of lineBoxes(box)) {
    const baseline = line.y + ((t.lineHeight - ascent - descent) / 2 + ascent) * t.fontSize;
    const path = font.getPath(line.text, line.x, baseline, t.fontSize, { kerning: true });
    canvas.fill(polygonsOf(path.commands), rgb);
  }
}
