// The dry-run's mail files (docs/admin.md "Dry-run"): each .eml read as Outlook would give the message,
// its file attachments inspected by the same extraction as the pane's, all in the page; nothing is sent.
import { bytesOfBase64, inspectInBrowser } from '../browser-inspect/index.js';
import type { DryRunMessage } from '../check/dry-run.js';
import { inspectFileAttachments, readEmlSnapshot, type AttachmentInspector } from '../inspect/index.js';

/** Outlook's own limit for a message is about 35 MB (150 MB for some tenants); a sample larger than this is not one. */
export const MAX_DRY_RUN_FILE_BYTES = 50 * 1024 * 1024;
/** Enough sample mail to judge a draft; more would keep the page busy for minutes. */
export const MAX_DRY_RUN_FILES = 50;

export type DryRunFailure = 'too-large' | 'read-failed' | 'not-mail' | 'parse-failed';

export type DryRunRead =
  | { readonly ok: true; readonly message: DryRunMessage }
  | { readonly ok: false; readonly name: string; readonly failure: DryRunFailure; readonly detail: string };

/** What the page hands over: a file's name and size, and a way to read its bytes (a File's arrayBuffer). */
export interface DryRunFile {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<ArrayBuffer>;
}

export async function readDryRunFile(file: DryRunFile, inspect: AttachmentInspector = inspectInBrowser): Promise<DryRunRead> {
  if (file.size > MAX_DRY_RUN_FILE_BYTES) return { ok: false, name: file.name, failure: 'too-large', detail: '' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.bytes());
  } catch (error) {
    return { ok: false, name: file.name, failure: 'read-failed', detail: String(error) };
  }
  const read = await readEmlSnapshot(bytes);
  if (!read.ok)
    return { ok: false, name: file.name, failure: read.reason === 'no-headers' ? 'not-mail' : 'parse-failed', detail: read.detail };
  return {
    ok: true,
    message: {
      name: file.name,
      snapshot: read.snapshot,
      attachments: await inspectFileAttachments(read.snapshot.attachments, bytesOfBase64, inspect),
    },
  };
}
