#!/usr/bin/env node
// Draws the add-in icons (assets/icon-{16,32,64,80,128}.png): a white check mark on a blue rounded
// square. Vector shapes sampled 4x4 per pixel, written as RGBA PNG with node:zlib, so the icons can be
// rebuilt from this file alone: `node scripts/icons.js`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BRAND = [0x0f, 0x6c, 0xbd]; // Fluent UI brand blue, also readable on dark ribbons
const MARK = [0xff, 0xff, 0xff];
const SAMPLES = 4;
// The check mark on a unit square: two strokes meeting at the bottom.
const CHECK = [
  [0.27, 0.52],
  [0.44, 0.69],
  [0.74, 0.34],
];
const STROKE = 0.11;
const CORNER = 0.2;

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= CORNER * CORNER;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function onCheck(x, y) {
  return distanceToSegment(x, y, CHECK[0], CHECK[1]) <= STROKE / 2 || distanceToSegment(x, y, CHECK[1], CHECK[2]) <= STROKE / 2;
}

/** RGBA rows, each prefixed with PNG filter type 0. */
function pixels(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    rows[row * (size * 4 + 1)] = 0;
    for (let column = 0; column < size; column += 1) {
      let covered = 0;
      let marked = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (column + (sx + 0.5) / SAMPLES) / size;
          const y = (row + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          covered += 1;
          if (onCheck(x, y)) marked += 1;
        }
      }
      const offset = row * (size * 4 + 1) + 1 + column * 4;
      const share = covered === 0 ? 0 : marked / covered;
      for (let channel = 0; channel < 3; channel += 1) {
        rows[offset + channel] = Math.round(BRAND[channel] * (1 - share) + MARK[channel] * share);
      }
      rows[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(assets, `icon-${size}.png`), iconPng(size));
    console.log(`assets/icon-${size}.png`);
  }
}
