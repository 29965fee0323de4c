import type { Verdict } from '../policy/index.js';
import type { Problem } from './problem.js';

/** What `check` learned about one MESSAGE argument. */
export type MessageReport =
  | { readonly kind: 'verdict'; readonly file: string; readonly verdict: Verdict }
  | { readonly kind: 'unreadable'; readonly file: string; readonly problems: readonly Problem[] };
