import {
  classifyRecipients,
  encodeHistory,
  historyDay,
  recordRecipients,
  standingOfNormalized,
  type RecipientHistory,
} from '../policy/index.js';
import type { Check } from './run-check.js';

/**
 * What a send adds to the history: `all` its outside addresses, when the mail is known to go; `known` only
 * those already there, when it may not go (Send Anyway in the dialog, whose answer the handler never
 * learns), so a correspondent confirmed only ever in the dialog keeps a fresh date without an unsent
 * address being learnt.
 */
export type HistoryRecording = 'all' | 'known';

/**
 * The history once the checked mail has gone: its outside addresses first, dated today. Null when there is
 * nothing to save: no history was read, the policy keeps none, or it would not change (a mail to the same
 * people the same day).
 */
export function historyAfterSend(check: Check, nowMs: number, recording: HistoryRecording = 'all'): RecipientHistory | null {
  const { history, policy } = check;
  if (history === null || !policy.recipientHistory.enabled) return null;
  const outside: string[] = [];
  for (const entry of classifyRecipients(check.snapshot, policy)) {
    // Outside addresses only: a list at an internal address that reaches outside is not one (classify.ts).
    if (entry.internal || entry.normalized === null || entry.domain === null) continue;
    if (recording === 'known' && standingOfNormalized(history, entry.normalized, entry.domain) !== 'known') continue;
    outside.push(entry.normalized);
  }
  if (outside.length === 0) return null;
  const next = recordRecipients(history, outside, historyDay(nowMs), policy.recipientHistory);
  return encodeHistory(next) === encodeHistory(history) ? null : next;
}
