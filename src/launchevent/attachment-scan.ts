// What the handler bundle can read of an attachment itself. It stays one small ES2016 script with no
// webpack runtime, so the ZIP and Office readers and encoding-japanese (CommonJS) stay out: it reads UTF-8
// text, CSV and HTML only, and leaves Office files, PDF, archives and other encodings `pending` for the
// review pane, which runs the full extraction (src/inspect/extract).
import { detectAll } from '../inspect/detect-all.js';
import { htmlToText } from '../inspect/extract/markup.js';
import { tallyMatches } from '../inspect/summarize.js';
import type { AttachmentInspection, AttachmentSnapshot } from '../policy/index.js';
import { pendingInspection as pendingEntry } from '../inspect/message-summary.js';
import { decodeUtf8 } from './utf8.js';

const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([
  'txt',
  'text',
  'csv',
  'tsv',
  'tab',
  'log',
  'md',
  'json',
  'ini',
  'yaml',
  'yml',
  'vcf',
  'ics',
]);
const MARKUP_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'htm', 'xhtml', 'xml']);
const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'ico']);

export interface ScanLimits {
  /** Attachments larger than this are not read by the handler (base64 in memory is a third larger again). */
  readonly maxAttachmentBytes: number;
}

/** A 1 MB text inspects in well under a second (npm run bench); larger files wait for the pane. */
export const HANDLER_SCAN_LIMITS: ScanLimits = { maxAttachmentBytes: 1024 * 1024 };

export type ScanPlan = { readonly read: true } | { readonly read: false; readonly inspection: AttachmentInspection };

/** Decides from the name and declared size alone whether the handler reads an attachment. */
export function planScan(attachment: AttachmentSnapshot, limits: ScanLimits = HANDLER_SCAN_LIMITS): ScanPlan {
  const extension = extensionOf(attachment.name);
  if (IMAGE_EXTENSIONS.has(extension)) {
    return { read: false, inspection: { ...pendingEntry(attachment, ''), status: 'uninspectable', reason: 'image' } };
  }
  if (!TEXT_EXTENSIONS.has(extension) && !MARKUP_EXTENSIONS.has(extension)) {
    return { read: false, inspection: pendingEntry(attachment, 'handler-format') };
  }
  if (attachment.size > limits.maxAttachmentBytes) return { read: false, inspection: pendingEntry(attachment, 'handler-size') };
  return { read: true };
}

/** Inspects the bytes of an attachment planScan chose to read. */
export function scanBytes(
  attachment: AttachmentSnapshot,
  bytes: Uint8Array,
  limits: ScanLimits = HANDLER_SCAN_LIMITS,
): AttachmentInspection {
  if (bytes.length > limits.maxAttachmentBytes) return pendingEntry(attachment, 'handler-size');
  const decoded = decodeUtf8(bytes);
  if (decoded === null) return pendingEntry(attachment, 'handler-encoding');
  const text = MARKUP_EXTENSIONS.has(extensionOf(attachment.name)) ? htmlToText(decoded) : decoded;
  return {
    name: attachment.name,
    size: attachment.size,
    status: 'inspected',
    reason: '',
    unread: [],
    personalData: tallyMatches([{ where: 'text', matches: detectAll(text) }]),
  };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
