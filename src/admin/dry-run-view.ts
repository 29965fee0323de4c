// What the dry-run table shows: the read messages under the active policy and the draft, when the draft
// is a policy at all; a draft with problems waits until it is one (the editor lists why).
import { dryRun, type DryRunMessage, type DryRunRow } from '../check/dry-run.js';
import { parsePolicy } from '../policy/index.js';
import type { DraftState } from './policy-draft.js';

export type DryRunTable =
  | { readonly kind: 'rows'; readonly rows: readonly DryRunRow[]; readonly changed: number }
  | { readonly kind: 'draft-invalid' }
  /** The active document no longer parses (a newer build reads it stricter): nothing to compare against. */
  | { readonly kind: 'active-invalid' };

export function dryRunTable(messages: readonly DryRunMessage[], activeDocument: unknown, draft: DraftState): DryRunTable {
  if (draft.kind !== 'valid') return { kind: 'draft-invalid' };
  const active = parsePolicy(activeDocument);
  const next = parsePolicy(draft.document);
  if (!active.ok) return { kind: 'active-invalid' };
  if (!next.ok) return { kind: 'draft-invalid' };
  const rows = dryRun(messages, active.policy, next.policy);
  return { kind: 'rows', rows, changed: rows.filter((row) => row.changed).length };
}
