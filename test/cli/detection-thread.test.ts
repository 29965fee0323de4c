import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { detectionThread, type DetectionThread } from '../../src/cli/detection-thread.js';
import { detectAll } from '../../src/inspect/index.js';
import { tallyOf } from '../../src/inspect/part-tally.js';

/** The compiled worker, as the CLI starts it; `npm test` builds first, a local run needs `npm run build:node`. */
const WORKER = new URL('../../build/cli/detection-worker.js', import.meta.url);

const ROWS = '顧客000001\t東京都千代田区丸の内1-2-3\t03-1234-5678\nマイナンバー 1234 5678 9018\ttaro@example.co.jp\n';

describe('detectionThread', () => {
  let thread: DetectionThread | undefined;
  afterEach(async () => {
    await thread?.close();
  });

  it('detects the pieces on a worker thread, as detectAll on the whole text', async () => {
    if (!existsSync(WORKER)) throw new Error('build/cli/detection-worker.js is missing: run `npm run build:node` first');
    thread = detectionThread(WORKER);
    const text = ROWS.repeat(5000);
    const stream = thread.open({ maxSamples: 3 });
    for (let start = 0; start < text.length; start += 100_000) stream.write(text.slice(start, start + 100_000));
    await expect(stream.end(false).result).resolves.toEqual({ tally: tallyOf(detectAll(text), 3), settled: text.length });
  });

  it('fails what it holds when the thread is stopped, and starts a new thread for the next sheet', async () => {
    thread = detectionThread(WORKER);
    const lost = thread.open({ maxSamples: 3 });
    lost.write(ROWS);
    await thread.close();
    await expect(lost.end(false).result).rejects.toThrow(/exited/);
    const next = thread.open({ maxSamples: 3 });
    next.write(ROWS);
    await expect(next.end(false).result).resolves.toMatchObject({ settled: ROWS.length });
  });

  it('fails at once when its script cannot be started', async () => {
    thread = detectionThread(new URL('./no-such-worker.js', import.meta.url));
    const stream = thread.open({ maxSamples: 3 });
    await expect(stream.end(false).result).rejects.toThrow();
  });
});
