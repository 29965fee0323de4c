// The markup-growth bench still runs and reads every input to its end (it throws otherwise); the times
// themselves belong to `npm run bench`, not to a test.
import { describe, expect, it } from 'vitest';
import { benchMarkupGrowth } from '../../src/bench/markup-growth.js';

describe('markup growth bench', () => {
  it('times each pathology at 1x and 4x', async () => {
    const figures = await benchMarkupGrowth(2_000, 1);
    expect(figures.map((figure) => figure.label)).toEqual([
      'unclosed <script',
      'unclosed comments',
      'tags without an end',
      'entity-like runs',
    ]);
    for (const figure of figures) {
      expect(figure.baseMs).toBeGreaterThan(0);
      expect(figure.fourTimesMs).toBeGreaterThan(0);
    }
  });
});
