/**
 * Promise.allSettled over `items`, with at most `limit` calls of `work` unsettled at a time: the same
 * results in the same order, for a peer that refuses or throttles many connections at once.
 */
export async function allSettledLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  const results: PromiseSettledResult<R>[] = [];
  let next = 0;
  // Each lane takes the next item as soon as its last one settles, so a slow item holds up only its lane.
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
