/**
 * Draws the installed console's PNG icons (public/icons/icon-<size>.png) from the same shapes as
 * app/icon.svg: a dark rounded square, the amber shield, the check mark. Android's install prompt wants
 * 192 and 512 px PNGs; rasterised here with node:zlib (4×4 supersampling per pixel) so no image tool or
 * download is needed. Run again after changing the shapes: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Point = [number, number];
type Rgb = [number, number, number];

const DARK: Rgb = [0x1e, 0x29, 0x3b];
const AMBER: Rgb = [0xf5, 0x9e, 0x0b];

/** A cubic Bézier as points, for the shield's lower curves. */
function bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps = 24): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    return [0, 1].map(
      (k) => u ** 3 * p0[k]! + 3 * u * u * t * p1[k]! + 3 * u * t * t * p2[k]! + t ** 3 * p3[k]!,
    ) as Point;
  });
}

// app/icon.svg's shield, in its 32-unit box: M16 5 6 9v6c0 6.2 4.2 10.8 10 12 5.8-1.2 10-5.8 10-12V9z
const SHIELD: Point[] = [
  [16, 5],
  [6, 9],
  ...bezier([6, 15], [6, 21.2], [10.2, 25.8], [16, 27]),
  ...bezier([16, 27], [21.8, 25.8], [26, 21.2], [26, 15]),
  [26, 9],
];
const CHECK: Point[] = [
  [11.5, 15.5],
  [14.7, 18.7],
  [20.7, 12.5],
];

function inPolygon([x, y]: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function nearSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point, radius: number): boolean {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= radius ** 2;
}

/** The colour at a point of the 32-unit box, or null outside the rounded square (rx 7). */
function colourAt([x, y]: Point): Rgb | null {
  const cx = Math.min(Math.max(x, 7), 25);
  const cy = Math.min(Math.max(y, 7), 25);
  if ((x - cx) ** 2 + (y - cy) ** 2 > 49) return null;
  if (nearSegment([x, y], CHECK[0]!, CHECK[1]!, 1.3) || nearSegment([x, y], CHECK[1]!, CHECK[2]!, 1.3)) return DARK;
  return inPolygon([x, y], SHIELD) ? AMBER : DARK;
}

function render(size: number): Buffer {
  const SS = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const colour = colourAt([((px + (sx + 0.5) / SS) * 32) / size, ((py + (sy + 0.5) / SS) * 32) / size]);
          if (!colour) continue;
          colour.forEach((c, k) => {
            sum[k]! += c;
          });
          sum[3]! += 255;
        }
      const covered = sum[3]! / 255;
      const pixel = covered ? [sum[0]! / covered, sum[1]! / covered, sum[2]! / covered, sum[3]! / (SS * SS)] : [0, 0, 0, 0];
      pixel.forEach((v, k) => {
        row[1 + px * 4 + k] = Math.round(v);
      });
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
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
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
