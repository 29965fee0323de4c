// An InspectionSummary read back from a cache (sessionData) is input like any other: it is parsed here,
// and anything that does not look exactly like a summary is refused, so a stale or tampered cache is
// treated as "not inspected" by the caller instead of reaching the rules.
import { hasKey, isRecord } from './policy-fields.js';
import {
  PERSONAL_DATA_KINDS,
  type AttachmentInspection,
  type AttachmentInspectionStatus,
  type InspectionSummary,
  type PersonalDataTally,
  type TextInspection,
  type UnreadMember,
} from './types.js';

const STATUSES: readonly AttachmentInspectionStatus[] = ['inspected', 'encrypted', 'uninspectable', 'pending'];
const MAX_LIST = 1000;

type JsonObject = Readonly<Record<string, unknown>>;

function hasOnly(value: JsonObject, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key)) && keys.every((key) => hasKey(value, key));
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function stringsOf(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_LIST) return null;
  return value.every((item) => typeof item === 'string') ? (value as string[]) : null;
}

function listOf<T>(value: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > MAX_LIST) return null;
  const items: T[] = [];
  for (const item of value) {
    const parsed = read(item);
    if (parsed === null) return null;
    items.push(parsed);
  }
  return items;
}

const TALLY_KEYS = ['kind', 'high', 'low', 'highSamples', 'lowSamples', 'parts'];

function readTally(value: unknown): PersonalDataTally | null {
  if (!isRecord(value) || !hasOnly(value, TALLY_KEYS)) return null;
  const kind = PERSONAL_DATA_KINDS.find((candidate) => candidate === value['kind']);
  const highSamples = stringsOf(value['highSamples']);
  const lowSamples = stringsOf(value['lowSamples']);
  const parts = stringsOf(value['parts']);
  const { high, low } = value;
  if (kind === undefined || !isCount(high) || !isCount(low) || !highSamples || !lowSamples || !parts) return null;
  return { kind, high, low, highSamples, lowSamples, parts };
}

function readText(value: unknown): TextInspection | null {
  if (!isRecord(value) || !hasOnly(value, ['personalData'])) return null;
  const personalData = listOf(value['personalData'], readTally);
  return personalData === null ? null : { personalData };
}

function readUnread(value: unknown): UnreadMember | null {
  if (!isRecord(value) || !hasOnly(value, ['where', 'status', 'reason'])) return null;
  const { where, status, reason } = value;
  if (typeof where !== 'string' || typeof reason !== 'string') return null;
  if (status !== 'encrypted' && status !== 'uninspectable') return null;
  return { where, status, reason };
}

const ATTACHMENT_KEYS = ['name', 'size', 'status', 'reason', 'unread', 'personalData'];

export function parseAttachmentInspection(value: unknown): AttachmentInspection | null {
  if (!isRecord(value) || !hasOnly(value, ATTACHMENT_KEYS)) return null;
  const { name, size, reason } = value;
  const status = STATUSES.find((candidate) => candidate === value['status']);
  const unread = listOf(value['unread'], readUnread);
  const personalData = listOf(value['personalData'], readTally);
  if (typeof name !== 'string' || !isCount(size) || typeof reason !== 'string') return null;
  if (status === undefined || unread === null || personalData === null) return null;
  return { name, size, status, reason, unread, personalData };
}

/** The summary, or null when `value` is not one (then nothing counts as inspected). */
export function parseInspectionSummary(value: unknown): InspectionSummary | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (!keys.every((key) => key === 'subject' || key === 'body' || key === 'attachments')) return null;
  const attachments = listOf(value['attachments'], parseAttachmentInspection);
  if (attachments === null) return null;
  const summary: { subject?: TextInspection; body?: TextInspection; attachments: AttachmentInspection[] } = { attachments };
  for (const part of ['subject', 'body'] as const) {
    if (!hasKey(value, part)) continue;
    const text = readText(value[part]);
    if (text === null) return null;
    summary[part] = text;
  }
  return summary;
}
