/**
 * Draws the installed console's PNG icons (public/icons/icon-<size>.png) from the same shapes as
 * app/icon.svg: a dark rounded square, the amber shield, the check mark. Android's install prompt wants
 * 192 and 512 px PNGs; rasterised here with node:zlib (4×4 supersampling per pixel) so no image tool or
 * download is needed. Run again after changing the shapes: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Point = readonly [x: number, y: number];
type Rgb = readonly [r: number, g: number, b: number];

const DARK: Rgb = [0x1e, 0x29, 0x3b];
const AMBER: Rgb = [0xf5, 0x9e, 0x0b];

/** A cubic Bézier as points, for the shield's lower curves. */
function bezier([x0, y0]: Point, [x1, y1]: Point, [x2, y2]: Point, [x3, y3]: Point, steps = 24): Point[] {
  const at = (t: number, a: number, b: number, c: number, d: number) =>
    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t * t * c + t ** 3 * d;
  return Array.from(
    { length: steps + 1 },
    (_, i): Point => [at(i / steps, x0, x1, x2, x3), at(i / steps, y0, y1, y2, y3)],
  );
}

// app/icon.svg's shield, in its 32-unit box: M16 5 6 9v6c0 6.2 4.2 10.8 10 12 5.8-1.2 10-5.8 10-12V9z
const SHIELD: Point[] = [
  [16, 5],
  [6, 9],
  ...bezier([6, 15], [6, 21.2], [10.2, 25.8], [16, 27]),
  ...bezier([16, 27], [21.8, 25.8], [26, 21.2], [26, 15]),
  [26, 9],
];
// The check mark: M11.5 15.5 l3.2 3.2 6-6.2, stroke width 2.6 with round caps and joins.
const CHECK_STROKES: [Point, Point][] = [
  [
    [11.5, 15.5],
    [14.7, 18.7],
  ],
  [
    [14.7, 18.7],
    [20.7, 12.5],
  ],
];

function inPolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  let [xj, yj] = polygon[polygon.length - 1] ?? [0, 0];
  for (const [xi, yi] of polygon) {
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    [xj, yj] = [xi, yi];
  }
  return inside;
}

function nearSegment([x, y]: Point, [[ax, ay], [bx, by]]: [Point, Point], radius: number): boolean {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= radius ** 2;
}

/** The colour at a point of the 32-unit box, or null outside the rounded square (rx 7). */
function colourAt(point: Point): Rgb | null {
  const [x, y] = point;
  const cx = Math.min(Math.max(x, 7), 25);
  const cy = Math.min(Math.max(y, 7), 25);
  if ((x - cx) ** 2 + (y - cy) ** 2 > 49) return null;
  if (CHECK_STROKES.some((stroke) => nearSegment(point, stroke, 1.3))) return DARK;
  return inPolygon(point, SHIELD) ? AMBER : DARK;
}

/** RGBA scanlines (each led by PNG filter byte 0), 4×4 samples averaged per pixel. */
function render(size: number): Buffer {
  const SS = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const colour = colourAt([
            ((px + (sx + 0.5) / SS) * 32) / size,
            ((py + (sy + 0.5) / SS) * 32) / size,
          ]);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      if (covered > 0)
        row.set(
          [r / covered, g / covered, b / covered, (255 * covered) / (SS * SS)].map(Math.round),
          1 + px * 4,
        );
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  const file = path.join(import.meta.dirname, '..', 'public', 'icons', `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(file);
}
