// `check --history FILE`: the sender's recipient history for a dry run of first-time-recipient
// (docs/cli.md "Recipient history"), as a list of addresses or as the add-in's roaming-settings value.
import type { StringKey } from '../i18n/strings.js';
import {
  decodeHistory,
  emptyHistory,
  historyTextLines,
  readHistoryList,
  recordHistoryList,
  type HistoryLimits,
  type HistoryLineProblemCode,
  type HistoryProblemCode,
  strictUtf8Text,
  type RecipientHistory,
} from '../policy/index.js';
import { problem, type Parsed } from './problem.js';

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

const LINE_PROBLEMS: Readonly<Record<HistoryLineProblemCode, StringKey>> = {
  'bad-line': 'cli.history.badLine',
  'bad-address': 'cli.history.badAddress',
  'bad-date': 'cli.history.badDate',
};

/**
 * The history in `bytes` (UTF-8, a BOM allowed), or every problem with `file:line` as its path. An undated
 * address was last written to on `today` (days since 1970-01-01, historyDay).
 */
export function parseHistoryFile(file: string, bytes: Uint8Array, today: number): Parsed<RecipientHistory> {
  const text = strictUtf8Text(bytes);
  if (text === null) return { ok: false, problems: [problem(file, 'cli.input.notUtf8')] };
  // `#` starts a comment in either form: base64url never holds one.
  const lines = historyTextLines(text);
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
  const { entries, problems } = readHistoryList(lines, today);
  if (problems.length > 0)
    return { ok: false, problems: problems.map(({ index, code, value }) => problem(at(file, index), LINE_PROBLEMS[code], { value })) };
  return { ok: true, value: recordHistoryList(emptyHistory(LIST_HISTORY_KEY), entries, NO_LIMITS) };
}

function at(file: string, index: number): string {
  return `${file}:${index + 1}`;
}
