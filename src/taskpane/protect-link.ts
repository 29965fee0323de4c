// "Protect attachments" as secure links, in an order that never loses a file and never sends one
// unprotected silently: every file is uploaded and the links exist before the body changes, and the
// originals go only after the link block is in the body. A failure before that leaves the message as it
// was (and withdraws the links already made).
import type { BodyBlock } from '../office/index.js';
import type { AttachmentSnapshot, MessageSnapshot, ProtectionState } from '../policy/index.js';
import { describeError } from '../policy/index.js';
import type { CompletedLinks } from '../protocol/index.js';
import { bytesOfBase64 } from '../browser-inspect/index.js';
import type { ApiFailureCode } from './api-failure.js';
import { shareFiles, type ShareProgress, type SharePorts } from './share-files.js';

export interface LinkPorts extends SharePorts {
  readAttachmentBase64(id: string): Promise<{ readonly kind: string; readonly content?: string }>;
  prependBodyBlock(block: BodyBlock): Promise<unknown>;
  recordProtection(update: (current: ProtectionState) => ProtectionState): Promise<unknown>;
  removeAttachment(id: string): Promise<void>;
}

export type LinkStage = 'recipients' | 'size' | 'read' | 'create' | 'upload' | 'complete' | 'body' | 'record' | 'remove';

export interface LinkProgress extends Omit<ShareProgress, 'stage'> {
  readonly stage: LinkStage;
}

export interface LinkedFile {
  readonly name: string;
  readonly size: number;
}

export type LinkOutcome =
  | { readonly ok: true; readonly links: CompletedLinks; readonly files: readonly LinkedFile[] }
  /** `originalsKept`: every original attachment is still on the message and the body is unchanged. */
  /** `cause`: why the server refused, when it was the server (api-failure.ts). */
  | {
      readonly ok: false;
      readonly stage: LinkStage;
      readonly detail: string;
      readonly cause?: ApiFailureCode | null;
      readonly originalsKept: boolean;
    };

export interface LinkChoice {
  readonly maxTotalBytes: number;
  /** The block for the body, built once the links exist (in the message's language). */
  readonly block: (links: CompletedLinks, files: readonly LinkedFile[]) => BodyBlock;
}

/** Each recipient gets a link with their address on it; a Bcc recipient would be named in the body for all to see. */
export function linkRecipients(
  snapshot: MessageSnapshot,
): { readonly ok: true; readonly addresses: readonly string[] } | { readonly ok: false; readonly detail: string } {
  if (snapshot.bcc.length > 0) return { ok: false, detail: 'bcc' };
  const addresses = [...new Set([...snapshot.to, ...snapshot.cc].map((recipient) => recipient.address.trim().toLowerCase()))].filter(
    (address) => address !== '',
  );
  return addresses.length === 0 ? { ok: false, detail: 'none' } : { ok: true, addresses };
}

export async function protectAsLinks(
  ports: LinkPorts,
  snapshot: MessageSnapshot,
  choice: LinkChoice,
  onProgress: (progress: LinkProgress) => void = () => undefined,
): Promise<LinkOutcome> {
  const kept = (stage: LinkStage, detail: string): LinkOutcome => ({ ok: false, stage, detail, originalsKept: true });
  const recipients = linkRecipients(snapshot);
  if (!recipients.ok) return kept('recipients', recipients.detail);
  const attachments = snapshot.attachments.filter(
    (attachment): attachment is AttachmentSnapshot & { id: string } => !attachment.inline && attachment.id !== undefined,
  );
  if (attachments.length === 0) return kept('read', 'no file attachments');
  const declared = attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  if (declared > choice.maxTotalBytes) return kept('size', `${declared} > ${choice.maxTotalBytes}`);

  onProgress({ stage: 'read' });
  const files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (const attachment of attachments) {
    try {
      const read = await ports.readAttachmentBase64(attachment.id);
      if (read.kind !== 'base64' || read.content === undefined) return kept('read', `${attachment.name}: ${read.kind}`);
      files.push({ name: attachment.name, bytes: bytesOfBase64(read.content) });
    } catch (error) {
      return kept('read', `${attachment.name}: ${describeError(error)}`);
    }
  }
  // Outlook's sizes are approximate; the server is told the exact byte counts it will receive.
  const totalBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (totalBytes > choice.maxTotalBytes) return kept('size', `${totalBytes} > ${choice.maxTotalBytes}`);

  const shared = await shareFiles(ports, files, recipients.addresses, onProgress);
  if (!shared.ok) return { ok: false, stage: shared.stage, detail: shared.detail, cause: shared.cause, originalsKept: true };
  const { links } = shared;
  const linked = files.map((file) => ({ name: file.name, size: file.bytes.length }));

  onProgress({ stage: 'body' });
  try {
    await ports.prependBodyBlock(choice.block(links, linked));
  } catch (error) {
    await shared.withdraw();
    return kept('body', describeError(error));
  }

  onProgress({ stage: 'record' });
  // The record is what this pane shows later; the send handler needs none, since it sees the files gone.
  await ports
    .recordProtection((current) => ({ zips: current.zips, links: [...current.links, { packageId: links.id, files: linked.length }] }))
    .catch(() => undefined);

  onProgress({ stage: 'remove' });
  const failed: string[] = [];
  for (const attachment of attachments) {
    await ports.removeAttachment(attachment.id).catch(() => failed.push(attachment.name));
  }
  // The links stay: they are in the body now. What could not be removed is still flagged at Send.
  if (failed.length > 0) return { ok: false, stage: 'remove', detail: failed.join(', '), originalsKept: false };
  return { ok: true, links, files: linked };
}
