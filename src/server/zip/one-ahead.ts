import { setImmediate as afterThisTurn } from 'node:timers/promises';

/**
 * Yields what `source` yields, but starts on the next item once the consumer has had its turn with the
 * current one, instead of when it asks. A consumer that writes each part to a file or socket and waits for
 * the write meanwhile leaves the main thread idle; the writes run on libuv's thread pool
 * (https://nodejs.org/api/fs.html#threadpool-usage), so the next part is encrypted on the other core
 * while they do. At most one part is held ahead, so memory stays bounded.
 */
export async function* oneAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let finished = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done === true) {
        finished = true;
        return;
      }
      // setImmediate, not a microtask: the consumer's write for this part is issued first.
      next = afterThisTurn().then(() => iterator.next());
      // A consumer that stops early never awaits this; a failure still reaches one that goes on.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    if (!finished) await iterator.return?.();
  }
}
