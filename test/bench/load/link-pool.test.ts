import { describe, expect, it } from 'vitest';
import { linkPool } from '../../../src/bench/load/link-pool.js';

describe('linkPool', () => {
  it('hands out each link as many times as it has downloads, then nothing', () => {
    const pool = linkPool(() => 0.99);
    pool.add('/l/a', 2);
    pool.add('/l/b', 1);
    pool.add('/l/none', 0);
    const taken = [pool.take(), pool.take(), pool.take(), pool.take()];
    expect(taken.filter((url) => url !== null).sort()).toEqual(['/l/a', '/l/a', '/l/b']);
    expect(taken[3]).toBeNull();
    expect(pool.size).toBe(0);
  });

  it('takes links added while it runs', () => {
    const pool = linkPool(() => 0);
    expect(pool.take()).toBeNull();
    pool.add('/l/later', 1);
    expect(pool.take()).toBe('/l/later');
  });
});
