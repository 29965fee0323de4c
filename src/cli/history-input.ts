// `check --history FILE`: the sender's recipient history for a dry run of first-time-recipient
// (docs/cli.md "Recipient history"), as a list of addresses or as the add-in's roaming-settings value.
import {
  decodeHistory,
  domainOfAddress,
  emptyHistory,
  historyDay,
  normalizeAddress,
  recordRecipients,
  type HistoryLimits,
  type HistoryProblemCode,
  type RecipientHistory,
} from '../policy/index.js';
import type { StringKey } from '../i18n/strings.js';
import { problem, type Parsed, type Problem } from './problem.js';

/** A list's digests need a key; any fixed one does, since the history never leaves this process. */
export const LIST_HISTORY_KEY = 'preflight-cli-history0';

/** The list is taken whole; the policy's limits are applied when the check asks (CheckPorts.readHistory). */
const NO_LIMITS: HistoryLimits = { days: Number.MAX_SAFE_INTEGER, maxEntries: Number.MAX_SAFE_INTEGER };

const ENCODED_PROBLEMS: Readonly<Record<HistoryProblemCode, StringKey>> = {
  'not-string': 'cli.history.encoded.not-h1',
  'not-h1': 'cli.history.encoded.not-h1',
  'bad-key': 'cli.history.encoded.bad-key',
  'bad-length': 'cli.history.encoded.bad-length',
  'not-base64url': 'cli.history.encoded.not-base64url',
};

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface ListEntry {
  readonly address: string;
  readonly day: number;
}

/**
 * The history in `bytes` (UTF-8, a BOM allowed), or every problem with `file:line` as its path. An undated
 * address was last written to on `today` (days since 1970-01-01, historyDay).
 */
export function parseHistoryFile(file: string, bytes: Uint8Array, today: number): Parsed<RecipientHistory> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [problem(file, 'cli.input.notUtf8')] };
  }
  // `#` starts a comment in either form: base64url never holds one.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim());
  const encoded = encodedValueLine(lines);
  return encoded === undefined ? parseList(file, lines, today) : parseEncoded(file, lines, encoded);
}

/**
 * The line index of an `h1.` value when it is the file's only content besides comments. An address may start with `h1.`
 * too, but an encoded value never holds an `@`.
 */
function encodedValueLine(lines: readonly string[]): number | undefined {
  const filled = lines.flatMap((line, index) => (line === '' ? [] : [index]));
  const [only, ...rest] = filled;
  if (only === undefined || rest.length > 0) return undefined;
  const value = lines[only] as string;
  return value.startsWith('h1.') && !value.includes('@') ? only : undefined;
}

function parseEncoded(file: string, lines: readonly string[], index: number): Parsed<RecipientHistory> {
  const decoded = decodeHistory(lines[index]);
  if (decoded.ok) return { ok: true, value: decoded.history };
  return { ok: false, problems: [problem(at(file, index), ENCODED_PROBLEMS[decoded.code], decoded.params)] };
}

function parseList(file: string, lines: readonly string[], today: number): Parsed<RecipientHistory> {
  const entries: ListEntry[] = [];
  const problems: Problem[] = [];
  lines.forEach((content, index) => {
    if (content === '') return;
    const entry = listEntry(content, today);
    if ('address' in entry) entries.push(entry);
    else problems.push({ path: at(file, index), message: entry });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: historyOfList(entries) };
}

function listEntry(content: string, today: number): ListEntry | Problem['message'] {
  const [address, date, ...extra] = content.split(/\s+/) as [string, ...string[]];
  if (extra.length > 0) return { key: 'cli.history.badLine', params: { value: content } };
  const normalized = normalizeAddress(address);
  if (normalized === null || domainOfAddress(normalized) === null) return { key: 'cli.history.badAddress', params: { value: address } };
  if (date === undefined) return { address, day: today };
  const day = dayOfDate(date);
  return day === undefined ? { key: 'cli.history.badDate', params: { value: date } } : { address, day };
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

/** Oldest day first, as the add-in records sends, so the most recent addresses end up first. */
function historyOfList(entries: readonly ListEntry[]): RecipientHistory {
  const days = [...new Set(entries.map((entry) => entry.day))].sort((left, right) => left - right);
  return days.reduce(
    (history, day) =>
      recordRecipients(
        history,
        entries.filter((entry) => entry.day === day).map((entry) => entry.address),
        day,
        NO_LIMITS,
      ),
    emptyHistory(LIST_HISTORY_KEY),
  );
}

function at(file: string, index: number): string {
  return `${file}:${index + 1}`;
}
