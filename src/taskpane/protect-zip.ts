// "Protect attachments" as an encrypted ZIP, in an order that never loses a file: the ZIP is added and
// recorded before any original goes, and a failure before that leaves the originals as they were.
import type { ProtectZipAnswer, ProtectZipRequest, ZipMethod } from '../protocol/index.js';
import {
  attachmentKey,
  describeError,
  type AttachmentInspection,
  type AttachmentSnapshot,
  type PersonalDataTally,
  type ProtectionState,
} from '../policy/index.js';
import { DEFAULT_MAX_SAMPLES } from '../inspect/index.js';
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

/** The ZIP's inspection is its members' together, so personal data found in them still counts at Send. */
export function combinedInspection(
  name: string,
  size: number,
  members: readonly (AttachmentInspection | undefined)[],
): AttachmentInspection {
  const byKind = new Map<PersonalDataTally['kind'], PersonalDataTally>();
  let unknown = false;
  for (const member of members) {
    if (member === undefined || member.status !== 'inspected') unknown = true;
    for (const tally of member?.personalData ?? []) {
      const before = byKind.get(tally.kind);
      const cap = (list: readonly string[]) => [...new Set(list)].slice(0, DEFAULT_MAX_SAMPLES);
      byKind.set(
        tally.kind,
        before === undefined
          ? tally
          : {
              kind: tally.kind,
              high: before.high + tally.high,
              low: before.low + tally.low,
              highSamples: cap([...before.highSamples, ...tally.highSamples]),
              lowSamples: cap([...before.lowSamples, ...tally.lowSamples]),
              parts: cap([...before.parts, ...tally.parts]),
            },
      );
    }
  }
  const personalData = [...byKind.values()];
  // A member that was never read makes the ZIP what a hand-made password ZIP is: encrypted, contents unknown.
  return unknown
    ? { name, size, status: 'encrypted', reason: 'preflight-zip-unread-member', unread: [], personalData }
    : { name, size, status: 'inspected', reason: '', unread: [], personalData };
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
      files.map((file) => byKey.get(attachmentKey(file))),
    );
    await ports.updateInspectionCache((current) => [
      ...current.filter((entry) => attachmentKey(entry) !== attachmentKey(reported)),
      inspection,
    ]);
    await ports.recordProtection((current) => ({
      zips: [...current.zips, { name: reported.name, size: reported.size, method: answer.method }],
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
