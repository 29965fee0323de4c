// "Protect attachments" as an encrypted ZIP, in an order that never loses a file: the ZIP is added and
// recorded before any original goes, and a failure before that leaves the originals as they were.
import type { ProtectZipAnswer, ProtectZipRequest, ZipMethod } from '../protocol/index.js';
import {
  attachmentKey,
  describeError,
  type AttachmentInspection,
  type AttachmentSnapshot,
  PERSONAL_DATA_KINDS,
  type PersonalDataTally,
  type ProtectionState,
  type UnreadMember,
} from '../policy/index.js';
import { archiveEntry, DEFAULT_MAX_SAMPLES, memberWhere } from '../inspect/index.js';
import type { ApiFailureCode } from './api-failure.js';
import { failureOf } from './error-detail.js';

export interface ZipPorts {
  readAttachmentBase64(id: string): Promise<{ readonly kind: string; readonly content?: string }>;
  /** `onUpload` hears how much of the request has gone, so the pane can show a bar for large files. */
  protectZip(request: ProtectZipRequest, onUpload: (sentBytes: number, totalBytes: number) => void): Promise<ProtectZipAnswer>;
  addAttachment(base64: string, name: string): Promise<string>;
  listAttachments(): Promise<readonly AttachmentSnapshot[]>;
  readCachedInspections(): Promise<readonly AttachmentInspection[]>;
  updateInspectionCache(update: (current: readonly AttachmentInspection[]) => readonly AttachmentInspection[]): Promise<unknown>;
  recordProtection(update: (current: ProtectionState) => ProtectionState): Promise<unknown>;
  removeAttachment(id: string): Promise<void>;
}

export type ZipStage = 'size' | 'read' | 'protect' | 'add' | 'record' | 'remove';

export interface ZipProgress {
  readonly stage: ZipStage;
  /** During `protect`: bytes of the request sent to the server, of all. */
  readonly sentBytes?: number;
  readonly totalBytes?: number;
}

export type ZipOutcome =
  | { readonly ok: true; readonly name: string; readonly size: number; readonly method: ZipMethod; readonly password: string }
  /** `originalsKept`: every original attachment is still on the message, unchanged. */
  /** `cause`: why the server refused, when it was the server (api-failure.ts). */
  | {
      readonly ok: false;
      readonly stage: ZipStage;
      readonly detail: string;
      readonly cause?: ApiFailureCode | null;
      readonly originalsKept: boolean;
      readonly password?: string;
    };

export interface ZipChoice {
  readonly method: ZipMethod;
  readonly archiveName: string;
  readonly maxTotalBytes: number;
}

export interface ZipMember {
  readonly name: string;
  /** The member's own outcome from the inspection cache; undefined when it had none. */
  readonly inspection: AttachmentInspection | undefined;
}

/**
 * What the member leaves unread, as the ZIP's unread members, named as src/inspect names an archive's
 * members (`entry:a.csv#sheet:名簿`): all of it when it was not read whole.
 */
function unreadOf({ name, inspection }: ZipMember): UnreadMember[] {
  const whole = archiveEntry(name);
  if (inspection === undefined) return [{ where: whole, status: 'uninspectable', reason: 'pending' }];
  switch (inspection.status) {
    case 'inspected':
      return inspection.unread.map((part) => ({ ...part, where: memberWhere(whole, part.where) }));
    case 'encrypted':
      return [{ where: whole, status: 'encrypted', reason: inspection.reason }];
    case 'uninspectable':
    case 'pending':
      return [{ where: whole, status: 'uninspectable', reason: inspection.reason || inspection.status }];
  }
}

function addedTally(before: PersonalDataTally | undefined, tally: PersonalDataTally): PersonalDataTally {
  if (before === undefined) return tally;
  const cap = (list: readonly string[]) => [...new Set(list)].slice(0, DEFAULT_MAX_SAMPLES);
  return {
    kind: tally.kind,
    high: before.high + tally.high,
    low: before.low + tally.low,
    highSamples: cap([...before.highSamples, ...tally.highSamples]),
    lowSamples: cap([...before.lowSamples, ...tally.lowSamples]),
    parts: cap([...before.parts, ...tally.parts]),
  };
}

/**
 * The ZIP's inspection is its members' together: their personal data, and each member that was not read
 * whole (encrypted, unreadable or never inspected) as an unread member with its own status and reason, so
 * the ZIP decides at Send what its members decided before (encrypted-attachment, uninspectable-attachment).
 */
export function combinedInspection(name: string, size: number, members: readonly ZipMember[]): AttachmentInspection {
  const byKind = new Map<PersonalDataTally['kind'], PersonalDataTally>();
  for (const tally of members.flatMap((member) => member.inspection?.personalData ?? [])) {
    byKind.set(tally.kind, addedTally(byKind.get(tally.kind), tally));
  }
  const personalData = PERSONAL_DATA_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
  return { name, size, status: 'inspected', reason: '', unread: members.flatMap(unreadOf), personalData };
}

/**
 * The outcome as the protection record keeps it: every count and unread member, which decide at Send, but
 * one sample and one part per kind, since the record shares sessionData's last 1,000 characters on older
 * clients (src/office/session-data.ts) and a record that cannot be written undoes the protection.
 */
function recordedOutcome(inspection: AttachmentInspection): AttachmentInspection {
  const first = (list: readonly string[]) => list.slice(0, 1);
  const personalData = inspection.personalData.map((tally) => ({
    ...tally,
    highSamples: first(tally.highSamples),
    lowSamples: first(tally.lowSamples),
    parts: first(tally.parts),
  }));
  return { ...inspection, personalData };
}

export async function protectAsZip(
  ports: ZipPorts,
  attachments: readonly AttachmentSnapshot[],
  choice: ZipChoice,
  onProgress: (progress: ZipProgress) => void = () => undefined,
): Promise<ZipOutcome> {
  const onStage = (stage: ZipStage) => onProgress({ stage });
  const files = attachments.filter((attachment) => !attachment.inline && attachment.id !== undefined);
  const total = files.reduce((sum, attachment) => sum + attachment.size, 0);
  if (total > choice.maxTotalBytes) return { ok: false, stage: 'size', detail: `${total} > ${choice.maxTotalBytes}`, originalsKept: true };

  onStage('read');
  const contents: { name: string; contentBase64: string }[] = [];
  for (const attachment of files) {
    try {
      const read = await ports.readAttachmentBase64(attachment.id as string);
      if (read.kind !== 'base64' || read.content === undefined) {
        return { ok: false, stage: 'read', detail: `${attachment.name}: ${read.kind}`, originalsKept: true };
      }
      contents.push({ name: attachment.name, contentBase64: read.content });
    } catch (error) {
      return { ok: false, stage: 'read', detail: `${attachment.name}: ${describeError(error)}`, originalsKept: true };
    }
  }

  onStage('protect');
  let answer: ProtectZipAnswer;
  try {
    answer = await ports.protectZip({ method: choice.method, archiveName: choice.archiveName, files: contents }, (sentBytes, totalBytes) =>
      onProgress({ stage: 'protect', sentBytes, totalBytes }),
    );
  } catch (error) {
    return { ok: false, stage: 'protect', ...failureOf(error), originalsKept: true };
  }

  onStage('add');
  let zipId: string;
  try {
    zipId = await ports.addAttachment(answer.contentBase64, answer.name);
  } catch (error) {
    return { ok: false, stage: 'add', detail: describeError(error), originalsKept: true };
  }

  onStage('record');
  let reported = { name: answer.name, size: answer.size };
  try {
    // The send handler matches by what Outlook reports for the ZIP, which may differ from the bytes sent.
    const added = (await ports.listAttachments()).find((attachment) => attachment.id === zipId);
    if (added !== undefined) reported = { name: added.name, size: added.size };
    const cached = await ports.readCachedInspections().catch((): readonly AttachmentInspection[] => []);
    const byKey = new Map(cached.map((entry) => [attachmentKey(entry), entry] as const));
    const inspection = combinedInspection(
      reported.name,
      reported.size,
      files.map((file) => ({ name: file.name, inspection: byKey.get(attachmentKey(file)) })),
    );
    await ports.updateInspectionCache((current) => [
      ...current.filter((entry) => attachmentKey(entry) !== attachmentKey(reported)),
      inspection,
    ]);
    await ports.recordProtection((current) => ({
      // Kept with the record too: the cache entry can be evicted or overwritten, the record is not.
      zips: [...current.zips, { name: reported.name, size: reported.size, method: answer.method, inspection: recordedOutcome(inspection) }],
      links: current.links,
    }));
  } catch (error) {
    // Unrecorded, the ZIP would count as a hand-made one: take it out again and leave the message as it was.
    const rolledBack = await ports.removeAttachment(zipId).then(
      () => true,
      () => false,
    );
    return { ok: false, stage: 'record', detail: describeError(error), originalsKept: rolledBack };
  }

  onStage('remove');
  const failed: string[] = [];
  for (const attachment of files) {
    await ports.removeAttachment(attachment.id as string).catch(() => failed.push(attachment.name));
  }
  if (failed.length > 0) {
    // The ZIP is on the message and recorded; what could not be removed is still flagged as unprotected.
    return { ok: false, stage: 'remove', detail: failed.join(', '), originalsKept: false, password: answer.password };
  }
  return { ok: true, name: reported.name, size: reported.size, method: answer.method, password: answer.password };
}
