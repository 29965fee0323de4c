// detectAll orders each window's matches before resolving overlaps. Each detector already finds its own in
// text order, so merging their lists costs one pass where sorting half a million of them (a sheet's
// addresses, docs/benchmarks.md) cost a sort; a list out of order is still sorted on its own first.

function isSorted<T>(list: readonly T[], compare: (left: T, right: T) => number): boolean {
  for (let index = 1; index < list.length; index += 1) {
    if (compare(list[index - 1] as T, list[index] as T) > 0) return false;
  }
  return true;
}

/** Two sorted lists as one, `left`'s first where they tie. */
function merged<T>(left: readonly T[], right: readonly T[], compare: (left: T, right: T) => number): T[] {
  const result: T[] = [];
  let fromLeft = 0;
  let fromRight = 0;
  while (fromLeft < left.length && fromRight < right.length) {
    if (compare(left[fromLeft] as T, right[fromRight] as T) <= 0) result.push(left[fromLeft++] as T);
    else result.push(right[fromRight++] as T);
  }
  while (fromLeft < left.length) result.push(left[fromLeft++] as T);
  while (fromRight < right.length) result.push(right[fromRight++] as T);
  return result;
}

/**
 * The lists joined, in `compare`'s order, ties in the order they are given: what a stable sort of the
 * joined lists yields. A single non-empty list in order is returned itself, not copied.
 */
export function sortedTogether<T>(lists: readonly (readonly T[])[], compare: (left: T, right: T) => number): readonly T[] {
  let result: readonly T[] = [];
  for (const list of lists) {
    if (list.length === 0) continue;
    const sorted = isSorted(list, compare) ? list : list.slice().sort(compare);
    result = result.length === 0 ? sorted : merged(result, sorted, compare);
  }
  return result;
}
