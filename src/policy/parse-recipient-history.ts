// Reader for `recipientHistory`: whether the sender's history of outside addresses is kept and asked at
// Send, and how far back it reaches (docs/policy.md "First-time recipients").
import { MAX_HISTORY_ENTRIES } from './history/history-codec.js';
import { objectReader, readBoolean, readField, readInteger } from './policy-fields.js';
import type { RecipientHistoryPolicy } from './types.js';

/** Ten years: the day count the history stores would allow more, but an address unused that long is new again. */
export const MAX_HISTORY_DAYS = 3650;

/**
 * On, a year back, as many entries as the roaming settings hold: a partner written to once a year is not
 * a stranger, and 1,800 outside addresses cover what one person writes to in a year.
 */
export const DEFAULT_RECIPIENT_HISTORY: RecipientHistoryPolicy = Object.freeze({
  enabled: true,
  days: 365,
  maxEntries: MAX_HISTORY_ENTRIES,
});

export const readRecipientHistory = objectReader(
  ['enabled', 'days', 'maxEntries'],
  ' with "enabled", "days" and "maxEntries"',
  (record, path, problems): RecipientHistoryPolicy => ({
    enabled: readField(record, 'enabled', path, problems, readBoolean, DEFAULT_RECIPIENT_HISTORY.enabled),
    days: readField(record, 'days', path, problems, readInteger(1, MAX_HISTORY_DAYS), DEFAULT_RECIPIENT_HISTORY.days),
    maxEntries: readField(record, 'maxEntries', path, problems, readInteger(1, MAX_HISTORY_ENTRIES), DEFAULT_RECIPIENT_HISTORY.maxEntries),
  }),
);
