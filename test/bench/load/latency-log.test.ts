import { describe, expect, it } from 'vitest';
import { latencyLog } from '../../../src/bench/load/latency-log.js';

describe('latencyLog', () => {
  it('gives each kind its rate, percentiles and first error, in the order kinds came', () => {
    const log = latencyLog();
    for (let ms = 1; ms <= 100; ms += 1) log.record('download', ms, ms === 40 ? 'download: 500' : ms === 90 ? 'download: 503' : null);
    log.record('create link', 12, null);
    const [download, create] = log.figures(10);
    expect(download).toEqual({
      kind: 'download',
      requests: 100,
      errors: 2,
      perSecond: 10,
      p50Ms: 50,
      p99Ms: 99,
      firstError: 'download: 500',
    });
    expect(create).toMatchObject({ kind: 'create link', requests: 1, errors: 0, p50Ms: 12, p99Ms: 12, firstError: null });
  });
});
