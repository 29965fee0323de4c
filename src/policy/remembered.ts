/**
 * `compute` with its answers kept, for pure functions the send check asks again and again with the same
 * text (a message of 1,000 recipients has a few dozen domains). The store is emptied when it reaches
 * `bound`, so a pane that stays open for days does not grow.
 */
export function remembered<Answer>(compute: (key: string) => Answer, bound: number): (key: string) => Answer {
  const answers = new Map<string, Answer>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as Answer;
    const answer = compute(key);
    if (answers.size >= bound) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}

/**
 * `make` with its answer kept for as long as its argument lives: what is worked out once per policy, per
 * classified recipient list or per history, which the pane and the handler hand over again and again.
 */
export function keptPer<Key extends object, Answer>(make: (key: Key) => Answer): (key: Key) => Answer {
  const kept = new WeakMap<Key, Answer>();
  return (key) => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as Answer;
    const answer = make(key);
    kept.set(key, answer);
    return answer;
  };
}
