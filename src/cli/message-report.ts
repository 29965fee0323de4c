import type { InspectionSummary, Verdict } from '../policy/index.js';
import type { Problem } from './problem.js';

/**
 * What `check` learned about one message file. `inspection` is absent when the content was not inspected;
 * `inline` holds the attachment keys (attachmentKey) of inline images, which are part of the body and never read.
 */
export type MessageReport =
  | {
      readonly kind: 'verdict';
      readonly file: string;
      readonly verdict: Verdict;
      readonly inspection?: InspectionSummary;
      readonly inline?: ReadonlySet<string>;
    }
  | { readonly kind: 'unreadable'; readonly file: string; readonly problems: readonly Problem[] };

export type VerdictReport = Extract<MessageReport, { readonly kind: 'verdict' }>;
