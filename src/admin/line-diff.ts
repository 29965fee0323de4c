// A line diff of the policy draft against the active version: the longest common subsequence of lines
// (https://en.wikipedia.org/wiki/Longest_common_subsequence), enough for a policy file of a few hundred
// lines, with no dependency.

export type DiffLine =
  | { readonly kind: 'same'; readonly text: string; readonly before: number; readonly after: number }
  | { readonly kind: 'removed'; readonly text: string; readonly before: number }
  | { readonly kind: 'added'; readonly text: string; readonly after: number };

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** Every line of both texts in order, each marked the same, removed or added; line numbers from 1. */
export function lineDiff(beforeText: string, afterText: string): DiffLine[] {
  const before = lines(beforeText);
  const after = lines(afterText);
  // common[i][j]: the length of the longest common subsequence of before[i..] and after[j..].
  const common: number[][] = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      common[i]![j] = before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      diff.push({ kind: 'same', text: before[i]!, before: i + 1, after: j + 1 });
      i += 1;
      j += 1;
    } else if (i < before.length && (j === after.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // On a tie the old line goes first, so a changed line reads as removed, then added.
      diff.push({ kind: 'removed', text: before[i]!, before: i + 1 });
      i += 1;
    } else {
      diff.push({ kind: 'added', text: after[j]!, after: j + 1 });
      j += 1;
    }
  }
  return diff;
}

/** Whether the draft differs from the active version at all. */
export function hasChanges(diff: readonly DiffLine[]): boolean {
  return diff.some((line) => line.kind !== 'same');
}
