import { classifyRecipients, encodeHistory, historyDay, recordRecipients, type RecipientHistory } from '../policy/index.js';
import type { Check } from './run-check.js';

/**
 * The history once the checked mail has gone: its outside addresses first, dated today. Null when there is
 * nothing to save: no history was read, the policy keeps none, or it would not change (a mail to the same
 * people the same day).
 */
export function historyAfterSend(check: Check, nowMs: number): RecipientHistory | null {
  const { history, policy } = check;
  if (history === null || !policy.recipientHistory.enabled) return null;
  const outside: string[] = [];
  for (const entry of classifyRecipients(check.snapshot, policy))
    // Outside addresses only: a list at an internal address that reaches outside is not one (classify.ts).
    if (!entry.internal && entry.normalized !== null) outside.push(entry.normalized);
  if (outside.length === 0) return null;
  const next = recordRecipients(history, outside, historyDay(nowMs), policy.recipientHistory);
  return encodeHistory(next) === encodeHistory(history) ? null : next;
}
