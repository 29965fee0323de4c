import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from '../../scripts/icons.js';
import { ROOT } from './manifest-model.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('assets/icon-*.png', () => {
  it.each(ICON_SIZES.map((size) => [size]))('icon-%i.png is an RGBA PNG of that size, as scripts/icons.js draws it', (size) => {
    const png = readFileSync(resolve(ROOT, `assets/icon-${size}.png`));
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([size, size, 8, 6]);
    expect(png.equals(iconPng(size))).toBe(true);
  });
});
