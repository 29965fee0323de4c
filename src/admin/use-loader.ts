// One read from the API as page state: loading, failed with a problem, or its answer; a newer read
// replaces an older one still under way, so a slow answer never overwrites a newer filter's.
import { useCallback, useRef, useState } from 'react';
import { problemOf, type Problem } from './problem.js';

export type Loaded<T> =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly problem: Problem }
  | { readonly phase: 'ready'; readonly value: T };

export function useLoader<T>(): { readonly state: Loaded<T>; load(read: () => Promise<T>): void } {
  const [state, setState] = useState<Loaded<T>>({ phase: 'idle' });
  const generation = useRef(0);
  const load = useCallback((read: () => Promise<T>) => {
    const mine = (generation.current += 1);
    setState({ phase: 'loading' });
    read().then(
      (value) => {
        if (mine === generation.current) setState({ phase: 'ready', value });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ phase: 'failed', problem: problemOf(error) });
      },
    );
  }, []);
  return { state, load };
}
