// The protection benchmarks still run end to end: a section that breaks (as the secure-link one did when the
// policy took over link limits) fails here instead of at the next `npm run bench`. Small sizes, no timings
// asserted — figures belong to the benchmark, not to tests.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLinkUpload } from '../../src/bench/links-upload.js';
import { benchZipThroughput } from '../../src/bench/zip-throughput.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('protection benchmarks', () => {
  it('uploads and downloads through the built server, reading its memory', { timeout: 60_000 }, async () => {
    const figures = await benchLinkUpload(ROOT, 3_000_000);
    expect(figures.megabytes).toBe(3);
    expect(figures.uploadMegabytesPerSecond).toBeGreaterThan(0);
    expect(figures.downloadMegabytesPerSecond).toBeGreaterThan(0);
    // The figures come from /proc (Linux, as in CI); null would mean the bench prints n/a.
    expect(figures.baselineRssKilobytes).toBeGreaterThan(10_000);
    expect(figures.peakRssKilobytes).toBeGreaterThanOrEqual(figures.baselineRssKilobytes ?? Number.POSITIVE_INFINITY);
  });

  it("writes our ZIP and 7-Zip's for every input and mode, of sizes that match where nothing compresses", { timeout: 60_000 }, async () => {
    const figures = await benchZipThroughput(1);
    expect(figures.map((figure) => `${figure.input} ${figure.compression}`)).toEqual([
      'random 25 MiB store',
      'random 25 MiB deflate',
      'text 25 MiB store',
      'text 25 MiB deflate',
    ]);
    for (const figure of figures) {
      expect(figure.oursMs).toBeGreaterThan(0);
      expect(figure.sevenZipMs).toBeGreaterThan(0);
    }
    const stored = figures.find((figure) => figure.input === 'random 25 MiB' && figure.compression === 'store');
    expect(Math.abs((stored?.oursBytes ?? 0) - (stored?.sevenZipBytes ?? 0))).toBeLessThan(1024);
  });
});
