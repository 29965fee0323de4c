// The playground's recipient history panel: seeding the sender's history as if mail had gone to the given
// addresses, and what the roaming settings then hold. The same codec the handler uses, so what is seeded
// here is what a mailbox would carry.
import { randomHistoryKey } from '../check/index.js';
import {
  decodeHistory,
  emptyHistory,
  encodeHistory,
  historyDay,
  historyTextLines,
  MAX_HISTORY_ENTRIES,
  readHistoryList,
  recordHistoryList,
  type RecipientHistory,
} from '../policy/index.js';
import { HISTORY_SETTING } from '../office/index.js';

export interface HistoryView {
  readonly entries: number;
  /** The stored value as the roaming settings hold it; '' when there is none. */
  readonly stored: string;
}

function storedHistory(settings: ReadonlyMap<string, unknown>): RecipientHistory | null {
  const decoded = decodeHistory(settings.get(HISTORY_SETTING));
  return decoded.ok ? decoded.history : null;
}

export function viewHistory(settings: ReadonlyMap<string, unknown>): HistoryView {
  const history = storedHistory(settings);
  const stored = settings.get(HISTORY_SETTING);
  return {
    entries: history?.entries.length ?? 0,
    stored: typeof stored === 'string' ? stored : '',
  };
}

/**
 * Records the addresses as sent to on their dates (today when undated), on top of what the settings hold
 * (a new history if none); returns the lines left out, not being an address with an optional date.
 */
export function seedHistory(settings: Map<string, unknown>, text: string, nowMs: number): string[] {
  const history = storedHistory(settings) ?? emptyHistory(randomHistoryKey());
  const { entries, problems } = readHistoryList(historyTextLines(text), historyDay(nowMs));
  const next = recordHistoryList(history, entries, { days: 3650, maxEntries: MAX_HISTORY_ENTRIES });
  settings.set(HISTORY_SETTING, encodeHistory(next));
  return problems.map((problem) => problem.value);
}

export function clearHistory(settings: Map<string, unknown>): void {
  settings.delete(HISTORY_SETTING);
}
