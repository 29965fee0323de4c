// What the add-in keeps on the item between the handler and the pane (item.sessionData, Mailbox 1.11).
import { isRecord, parseProtectionState, type AttachmentInspection, type Person, type ProtectionState } from '../policy/index.js';
import { supportsMailbox } from './host-info.js';
import { fitInspectionCache, parseInspectionCache } from './inspection-cache.js';
import { getAllSessionData, setSessionData } from './item-calls.js';
import { parseJson } from './safe-json.js';
import { callSettings, type CallOptions, type CallSettings } from './timers.js';

export const SESSION_KEYS = {
  original: 'preflight.original',
  confirmation: 'preflight.confirmation',
  policy: 'preflight.policy',
  inspection: 'preflight.inspection',
  protection: 'preflight.protection',
  approval: 'preflight.approval',
  audit: 'preflight.audit',
  hold: 'preflight.hold',
} as const;

/** The pane's approval request for this item and, once approved, the signed approval (docs/approval.md). */
export interface ApprovalRecord {
  readonly requestId: string;
  /** The approval fingerprint the request was made for: a changed message no longer matches it. */
  readonly fingerprint: string;
  /** The compact JWS the server signed; null while the request is pending or was rejected. */
  readonly token: string | null;
}

export interface SessionState {
  /** Absent when the compose window did not start with recipients (a new message, or a draft). */
  readonly originalRecipients?: readonly Person[];
  readonly confirmedFingerprint: string | null;
  readonly cachedPolicy: unknown;
  /** What the attachments handler found, per attachment; corrupt entries are left out (pending at send). */
  readonly cachedInspections: readonly AttachmentInspection[];
  /** What the review pane protected; null when nothing was, or the record is not one (then nothing counts). */
  readonly protection: ProtectionState | null;
  /** The approval request the pane made; null when none, or the record is not one. */
  readonly approval: ApprovalRecord | null;
}

export const EMPTY_SESSION: SessionState = {
  confirmedFingerprint: null,
  cachedPolicy: null,
  cachedInspections: [],
  protection: null,
  approval: null,
};

export const NOTHING_PROTECTED: ProtectionState = Object.freeze({ zips: Object.freeze([]), links: Object.freeze([]) });

/** One getAllAsync for every key: it never fails on a missing key and costs one round trip. */
export async function readSessionState(settings: CallSettings): Promise<SessionState> {
  const all = await getAllSessionData(settings);
  if (all === null) return EMPTY_SESSION;
  const values = stringValues(all);
  const originalRecipients = parseOriginal(values.get(SESSION_KEYS.original));
  return {
    ...(originalRecipients === undefined ? {} : { originalRecipients }),
    confirmedFingerprint: parseConfirmation(values.get(SESSION_KEYS.confirmation)),
    cachedPolicy: parseCachedPolicy(values.get(SESSION_KEYS.policy)),
    cachedInspections: parseInspectionCache(values.get(SESSION_KEYS.inspection)),
    protection: parseProtection(values.get(SESSION_KEYS.protection)),
    approval: parseApproval(values.get(SESSION_KEYS.approval)),
  };
}

export async function readConfirmedFingerprint(options?: CallOptions): Promise<string | null> {
  return (await readSessionState(callSettings(options))).confirmedFingerprint;
}

export async function readCachedPolicy(options?: CallOptions): Promise<unknown | null> {
  return (await readSessionState(callSettings(options))).cachedPolicy;
}

export async function readCachedInspections(options?: CallOptions): Promise<readonly AttachmentInspection[]> {
  return (await readSessionState(callSettings(options))).cachedInspections;
}

export async function recordConfirmation(fingerprint: string, options?: CallOptions): Promise<void> {
  const value = JSON.stringify({ fingerprint, at: Date.now() });
  await setSessionData(SESSION_KEYS.confirmation, value, callSettings(options));
}

export async function readProtectionState(options?: CallOptions): Promise<ProtectionState> {
  return (await readSessionState(callSettings(options))).protection ?? NOTHING_PROTECTED;
}

/**
 * The pane records each protection it completed: `update` gets what is recorded (nothing protected when
 * the record is missing or corrupt) and returns the new record. The pane is the only writer, so a read
 * followed by a write loses nothing.
 */
export async function recordProtection(
  update: (current: ProtectionState) => ProtectionState,
  options?: CallOptions,
): Promise<ProtectionState> {
  const settings = callSettings(options);
  const next = update((await readSessionState(settings)).protection ?? NOTHING_PROTECTED);
  await setSessionData(SESSION_KEYS.protection, JSON.stringify({ zips: next.zips, links: next.links }), settings);
  return next;
}

export async function readApprovalRecord(options?: CallOptions): Promise<ApprovalRecord | null> {
  return (await readSessionState(callSettings(options))).approval;
}

/** One key's text, for the keys readSessionState does not read; undefined when it is not set. */
async function readSessionValue(key: string, options?: CallOptions): Promise<string | undefined> {
  const all = await getAllSessionData(callSettings(options));
  return all === null ? undefined : stringValues(all).get(key);
}

/** Audit events the send handler could not deliver, oldest first; anything unreadable counts as none. */
export async function readAuditQueue(options?: CallOptions): Promise<readonly unknown[]> {
  const text = await readSessionValue(SESSION_KEYS.audit, options);
  const value = text === undefined ? null : parseJson(text);
  return Array.isArray(value) ? value : [];
}

/** Keeps the newest events that fit this key's small share; an empty list clears it. */
export async function writeAuditQueue(events: readonly unknown[], options?: CallOptions): Promise<void> {
  const budget = Math.floor(sessionDataLimit() * AUDIT_SHARE) - SESSION_KEYS.audit.length;
  let kept = events.slice(-MAX_QUEUED_AUDIT_EVENTS);
  while (kept.length > 0 && JSON.stringify(kept).length > budget) kept = kept.slice(1);
  await setSessionData(SESSION_KEYS.audit, JSON.stringify(kept), callSettings(options));
}

/** When the send handler last set this draft to leave (ms since the epoch); null when it never did. */
export async function readRecordedHold(options?: CallOptions): Promise<number | null> {
  const text = await readSessionValue(SESSION_KEYS.hold, options);
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

export async function recordHold(atMs: number, options?: CallOptions): Promise<void> {
  await setSessionData(SESSION_KEYS.hold, String(atMs), callSettings(options));
}

/** Keeps the pane's approval request (and its token once approved) with the draft; a few hundred characters. */
export async function recordApproval(record: ApprovalRecord, options?: CallOptions): Promise<void> {
  await setSessionData(SESSION_KEYS.approval, JSON.stringify(record), callSettings(options));
}

/** Stores the last good policy document; skipped (not an error) when it would crowd sessionData's limit. */
export async function cachePolicy(document: unknown, options?: CallOptions): Promise<void> {
  await writeWithinBudget(SESSION_KEYS.policy, JSON.stringify(document), POLICY_SHARE, options);
}

/** Stores the recipients the compose window opened with; skipped when there are none or too many. */
export async function recordOriginalRecipients(recipients: readonly Person[], options?: CallOptions): Promise<void> {
  if (recipients.length === 0) return;
  const value = JSON.stringify(recipients.map((person) => (person.name === undefined ? { address: person.address } : person)));
  await writeWithinBudget(SESSION_KEYS.original, value, ORIGINAL_SHARE, options);
}

/**
 * Replaces the cached attachment inspections with `update(current)`, fitted into this key's share (entries
 * that do not fit are stored as pending with a reason); resolves to what was stored. Nothing is written when
 * the client has no sessionData.
 */
export async function updateInspectionCache(
  update: (current: readonly AttachmentInspection[]) => readonly AttachmentInspection[],
  options?: CallOptions,
): Promise<readonly AttachmentInspection[]> {
  const settings = callSettings(options);
  const all = await getAllSessionData(settings);
  if (all === null) return [];
  const current = parseInspectionCache(stringValues(all).get(SESSION_KEYS.inspection));
  const budget = Math.floor(sessionDataLimit() * INSPECTION_SHARE) - SESSION_KEYS.inspection.length;
  const { text, entries } = fitInspectionCache(update(current), budget);
  await setSessionData(SESSION_KEYS.inspection, text, settings);
  return entries;
}

// sessionData holds 50,000 characters per add-in and item, 2,621,440 from Mailbox 1.16
// (https://learn.microsoft.com/javascript/api/outlook/office.sessiondata); the big
// keys share it so that none can push another, or the small confirmation, protection and approval
// records (about 1,000 characters together), out.
const POLICY_SHARE = 0.5;
const ORIGINAL_SHARE = 0.37;
/** What is left beside the two big keys and the confirmation: about 4,500 characters, some 15 attachments. */
const INSPECTION_SHARE = 0.09;
/** Undelivered audit events: a few hundred characters each, at most 20 kept (4 at the 50,000 limit). */
const AUDIT_SHARE = 0.02;
const MAX_QUEUED_AUDIT_EVENTS = 20;

export function sessionDataLimit(): number {
  return supportsMailbox('1.16') ? 2_621_440 : 50_000;
}

async function writeWithinBudget(key: string, value: string | undefined, share: number, options?: CallOptions): Promise<void> {
  if (value === undefined) return;
  if (key.length + value.length > Math.floor(sessionDataLimit() * share)) return;
  await setSessionData(key, value, callSettings(options));
}

function stringValues(all: object): Map<string, string> {
  const values = new Map<string, string>();
  const record = all as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string') values.set(key, value);
  }
  return values;
}

function parseOriginal(text: string | undefined): readonly Person[] | undefined {
  if (text === undefined) return undefined;
  const value = parseJson(text);
  if (!Array.isArray(value)) return undefined;
  const people: Person[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry['address'] !== 'string') return undefined;
    const name = entry['name'];
    people.push(typeof name === 'string' ? { address: entry['address'], name } : { address: entry['address'] });
  }
  return people;
}

function parseConfirmation(text: string | undefined): string | null {
  if (text === undefined) return null;
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  const fingerprint = value['fingerprint'];
  return typeof fingerprint === 'string' && fingerprint !== '' ? fingerprint : null;
}

function parseProtection(text: string | undefined): ProtectionState | null {
  if (text === undefined) return null;
  return parseProtectionState(parseJson(text));
}

function parseCachedPolicy(text: string | undefined): unknown {
  if (text === undefined) return null;
  return parseJson(text) ?? null;
}

function parseApproval(text: string | undefined): ApprovalRecord | null {
  if (text === undefined) return null;
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  const { requestId, fingerprint, token } = value;
  if (typeof requestId !== 'string' || typeof fingerprint !== 'string' || (token !== null && typeof token !== 'string')) return null;
  return { requestId, fingerprint, token };
}
