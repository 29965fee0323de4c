// The load bench still runs end to end on the setups that take most parts (two instances on PostgreSQL
// and Azurite): a flow that breaks shows as errors here rather than at the next `npm run bench`.
// Short and small; no timings asserted — figures belong to the benchmark.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLoad, loadReport } from '../../../src/bench/load/load-bench.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHAPE = { seconds: 1.5, senders: 2, recipients: 4, fileBytes: 64 * 1024 };

describe('load bench', () => {
  it('shares and downloads through two instances on PostgreSQL and Azurite without an error', { timeout: 90_000 }, async () => {
    const figures = await benchLoad(ROOT, { instances: 2, storage: 'postgres-azurite' }, SHAPE);
    expect(figures.figures.map((figure) => figure.kind).sort()).toEqual(['complete', 'create link', 'download', 'link page', 'upload']);
    for (const figure of figures.figures) {
      expect(figure.errors, `${figure.kind}: ${figure.firstError ?? ''}`).toBe(0);
      expect(figure.requests).toBeGreaterThan(0);
      expect(figure.p99Ms).toBeGreaterThanOrEqual(figure.p50Ms);
    }
    expect(figures.starvedTurns).toBe(0);
    expect(figures.memory).toHaveLength(2);
    for (const memory of figures.memory) expect(memory.peakKilobytes ?? 0).toBeGreaterThanOrEqual(memory.startKilobytes ?? 0);
    const report = loadReport(figures, SHAPE).join('\n');
    expect(report).toContain('2 instances, PostgreSQL + Azurite');
    expect(report).toMatch(/server RSS: .*; .*/);
    expect([...report.matchAll(/^ {4}(create link|upload|complete|link page|download) /gm)].map((match) => match[1])).toEqual([
      'create link',
      'upload',
      'complete',
      'link page',
      'download',
    ]);
  });
});
