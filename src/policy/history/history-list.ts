// A recipient history written as text, one address a line with an optional date (YYYY-MM-DD) and `#`
// comments: what `preflight check --history` and the playground's history panel take (docs/cli.md,
// "Recipient history"; docs/playground.md).
import { domainOfAddress, normalizeAddress } from '../domain.js';
import { historyDay, recordRecipients, type HistoryLimits, type RecipientHistory } from './recipient-history.js';

export interface HistoryListEntry {
  readonly address: string;
  /** The day it was last written to (historyDay). */
  readonly day: number;
}

export type HistoryLineProblemCode = 'bad-line' | 'bad-address' | 'bad-date';

export interface HistoryLineProblem {
  /** Zero-based index into the lines given. */
  readonly index: number;
  readonly code: HistoryLineProblemCode;
  /** The part of the line that is wrong, as written. */
  readonly value: string;
}

export interface HistoryList {
  readonly entries: readonly HistoryListEntry[];
  readonly problems: readonly HistoryLineProblem[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The text's lines, a leading BOM dropped, each without its `#` comment and surrounding space ('' when nothing is left). */
export function historyTextLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim());
}

/** Every line read as an address with an optional date; an undated address was written to on `today`. */
export function readHistoryList(lines: readonly string[], today: number): HistoryList {
  const entries: HistoryListEntry[] = [];
  const problems: HistoryLineProblem[] = [];
  lines.forEach((content, index) => {
    if (content === '') return;
    const [address, date, ...extra] = content.split(/\s+/) as [string, ...string[]];
    const normalized = normalizeAddress(address);
    const day = date === undefined ? today : dayOfDate(date);
    if (extra.length > 0) problems.push({ index, code: 'bad-line', value: content });
    else if (normalized === null || domainOfAddress(normalized) === null) problems.push({ index, code: 'bad-address', value: address });
    else if (day === undefined) problems.push({ index, code: 'bad-date', value: date ?? '' });
    else entries.push({ address, day });
  });
  return { entries, problems };
}

/** A calendar date as the history's day number; undefined for anything else, 2025-02-30 included. */
function dayOfDate(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const parsed = new Date(ms);
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return undefined;
  return historyDay(ms);
}

/** The entries recorded onto `history` oldest day first, as the add-in records sends, so the most recent end up first. */
export function recordHistoryList(
  history: RecipientHistory,
  entries: readonly HistoryListEntry[],
  limits: HistoryLimits,
): RecipientHistory {
  const days = [...new Set(entries.map((entry) => entry.day))].sort((left, right) => left - right);
  return days.reduce(
    (recorded, day) =>
      recordRecipients(
        recorded,
        entries.filter((entry) => entry.day === day).map((entry) => entry.address),
        day,
        limits,
      ),
    history,
  );
}
