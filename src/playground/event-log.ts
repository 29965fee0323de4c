import type { Params } from '../i18n/translate.js';
import type { PlaygroundKey } from './playground-text.js';

/** One line of the event log, kept as a key so it follows the display language. */
export interface LogEntry {
  readonly id: number;
  readonly key: PlaygroundKey;
  readonly params: Params;
  readonly level: 'info' | 'warning';
}

/** The log keeps its newest lines; a long session must not grow the page without bound. */
export const LOG_LIMIT = 200;

export function appendLog(entries: readonly LogEntry[], entry: LogEntry): LogEntry[] {
  return [...entries, entry].slice(-LOG_LIMIT);
}
