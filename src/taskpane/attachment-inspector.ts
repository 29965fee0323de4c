// Reads one attachment through Office and runs the full extraction on it, in the pane (no time budget but
// the user's patience).
import { bytesOfBase64, inspectInBrowser } from '../browser-inspect/index.js';
import { readAttachmentBase64 } from '../office/index.js';
import type { AttachmentInspection, AttachmentSnapshot } from '../policy/index.js';
import { READ_FAILED } from './pane-inspection.js';

/** Office hands a 25 MB attachment over in a few seconds; past this the read has failed. */
const READ_TIMEOUT_MS = 60_000;

function unread(attachment: AttachmentSnapshot, reason: string): AttachmentInspection {
  return { name: attachment.name, size: attachment.size, status: 'uninspectable', reason, unread: [], personalData: [] };
}

export async function inspectOfficeAttachment(attachment: AttachmentSnapshot): Promise<AttachmentInspection> {
  if (attachment.id === undefined) return unread(attachment, 'no-id');
  try {
    const read = await readAttachmentBase64(attachment.id, { timeoutMs: READ_TIMEOUT_MS });
    if (read.kind === 'unsupported') return unread(attachment, `format:${read.format}`);
    const bytes = read.kind === 'eml' ? new TextEncoder().encode(read.content) : bytesOfBase64(read.content);
    const name = read.kind === 'eml' && !attachment.name.toLowerCase().endsWith('.eml') ? `${attachment.name}.eml` : attachment.name;
    const inspection = await inspectInBrowser({ name, size: attachment.size }, bytes);
    return { ...inspection, name: attachment.name };
  } catch {
    return unread(attachment, READ_FAILED);
  }
}
