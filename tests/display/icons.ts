import { deflateSync } from 'node:zlib';

/**
 * Calf Coach's store icons, drawn here rather than downloaded: a lower leg in profile (the calf's curve,
 * the heel, the foot) in the screens' yellow, and a small heart in their coral, on the screens' dark
 * background. Shapes are described in a unit square and rasterised at any size, 4 × 4 samples a pixel
 * for smooth edges, into a PNG written with node:zlib. tests/display/icons.test.ts checks the files in
 * skill-package/assets/images/ are these drawings (CALF_COACH_WRITE_ICONS=1 writes them).
 */

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [0x12, 0x1a, 0x2b];
const RING: Rgb = [0x26, 0x33, 0x4d];
const LEG: Rgb = [0xff, 0xd2, 0x3f];
const HEART: Rgb = [0xff, 0x6b, 0x6b];

/** The lower leg in profile, facing right, as outline points: knee, shin, foot, sole, heel, calf. */
const LEG_OUTLINE: readonly (readonly [number, number])[] = [
  [0.47, 0.1],
  [0.56, 0.12],
  [0.555, 0.3],
  [0.54, 0.5],
  [0.535, 0.65],
  [0.6, 0.72],
  [0.72, 0.76],
  [0.8, 0.785],
  [0.815, 0.815],
  [0.78, 0.84],
  [0.6, 0.845],
  [0.47, 0.845],
  [0.415, 0.8],
  [0.425, 0.7],
  [0.43, 0.6],
  [0.4, 0.5],
  [0.33, 0.38],
  [0.33, 0.27],
  [0.38, 0.15],
];

/** The outline smoothed (Catmull–Rom, closed), as a polygon. */
function smooth(points: readonly (readonly [number, number])[], steps = 12): [number, number][] {
  const out: [number, number][] = [];
  const n = points.length;
  const at = (i: number): readonly [number, number] => points[((i % n) + n) % n] ?? [0, 0];
  for (let i = 0; i < n; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const c = (a: number, b: number, c2: number, d: number): number =>
        0.5 *
        (2 * b + (c2 - a) * t + (2 * a - 5 * b + 4 * c2 - d) * t * t + (3 * b - a - 3 * c2 + d) * t * t * t);
      out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  return out;
}

const LEG_POLYGON = smooth(LEG_OUTLINE);

/** Even–odd point in polygon. */
function inside(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  let yes = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}

/** The classic heart curve, (u² + v² − 1)³ ≤ u² v³, centred at (cx, cy), `s` across. */
function heart(x: number, y: number, cx: number, cy: number, s: number): boolean {
  const u = ((x - cx) / s) * 2.4;
  const v = (-(y - cy) / s) * 2.4 + 0.2;
  return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
}

function colourAt(x: number, y: number): Rgb {
  if (heart(x, y, 0.71, 0.3, 0.16)) return HEART;
  if (inside(x, y, LEG_POLYGON)) return LEG;
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r >= 0.43 && r <= 0.455) return RING;
  return BACKGROUND;
}

/** The icon as RGB pixels, `size` × `size`. */
export function drawIcon(size: number): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 3);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0] = (sum[0] ?? 0) + c[0];
          sum[1] = (sum[1] ?? 0) + c[1];
          sum[2] = (sum[2] ?? 0) + c[2];
        }
      }
      const at = (py * size + px) * 3;
      for (let i = 0; i < 3; i++) pixels[at + i] = Math.round((sum[i] ?? 0) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** An 8-bit RGB PNG of `width` × `height` pixels (square unless a height is given). */
export function png(width: number, pixels: Uint8Array, height = width): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 0; // filter: none
    Buffer.from(pixels.subarray(y * width * 3, (y + 1) * width * 3)).copy(rows, y * stride + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The two store icons the manifest names: 108 × 108 (small) and 512 × 512 (large). */
export const ICONS = [
  { file: 'skill-package/assets/images/icon-108.png', size: 108 },
  { file: 'skill-package/assets/images/icon-512.png', size: 512 },
] as const;
