// The one entry point: any attachment's bytes to its text, or to the reason it could not be read.
import { createBudget } from './budget.js';
import { classifyCfb } from './cfb.js';
import { binaryString, decodeText, decodeWithCharset } from './decode-text.js';
import { declaredCharset, htmlToText } from './markup.js';
import { ambientInflater, type RawInflater } from './inflate.js';
import { headerText, parseMime } from './mime.js';
import { officeKind, readOffice } from './ooxml.js';
import { isOfficeOpenXmlName, sniffKind } from './sniff.js';
import {
  DEFAULT_EXTRACTION_LIMITS,
  type ExtractionBudget,
  type ExtractionLimit,
  type ExtractionLimits,
  type ExtractionReaders,
  type ExtractionResult,
  type TextPart,
  type UnreadPart,
} from './types.js';
import { readZipDirectory } from './zip-directory.js';
import { openArchive, type OpenArchive } from './zip-archive.js';

interface Context {
  readonly budget: ExtractionBudget;
  readonly readers: ExtractionReaders;
  readonly inflater: RawInflater | null;
}

/** A result for one file, before the shared byte count is filled in. */
type Outcome =
  | { readonly status: 'ok'; readonly parts: readonly TextPart[]; readonly unread: readonly UnreadPart[] }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly limit?: ExtractionLimit; readonly parts: readonly TextPart[] };

const MESSAGE_HEADERS = ['from', 'to', 'cc', 'bcc', 'reply-to', 'subject'];
const MEMBER_WIDE_LIMITS = new Set<ExtractionLimit>(['depth']);

function ok(parts: readonly TextPart[], unread: readonly UnreadPart[] = []): Outcome {
  return { status: 'ok', parts, unread };
}

function uninspectable(reason: string, parts: readonly TextPart[] = []): Outcome {
  return { status: 'uninspectable', reason, parts };
}

function stoppedBy(limit: ExtractionLimit, parts: readonly TextPart[] = []): Outcome {
  return { status: 'uninspectable', reason: `limit:${limit}`, limit, parts };
}

function textOutcome(text: string): Outcome {
  return ok(text.trim() === '' ? [] : [{ where: 'text', text }]);
}

function html(bytes: Uint8Array, charset?: string): string {
  const declared = charset ?? declaredCharset(String.fromCharCode(...bytes.subarray(0, 2048)));
  return htmlToText(declared === undefined ? decodeText(bytes).text : decodeWithCharset(bytes, declared));
}

/** Where an archive's member is, as findings name it (types.ts, `TextPart.where`). */
export function archiveEntry(name: string): string {
  return `entry:${name}`;
}

/** Where a part of a container's member is: the member's `prefix`, then the part's own place unless it is the whole text. */
export function memberWhere(prefix: string, where: string): string {
  return where === 'text' ? prefix : `${prefix}#${where}`;
}

/** Folds a member's outcome into its container's; returns a stop when the member used up the budget. */
function addMember(prefix: string, inner: Outcome, parts: TextPart[], unread: UnreadPart[]): Outcome | null {
  if (inner.status === 'ok') {
    for (const part of inner.parts) parts.push({ ...part, where: memberWhere(prefix, part.where) });
    for (const part of inner.unread) unread.push({ ...part, where: memberWhere(prefix, part.where) });
    return null;
  }
  if (inner.status === 'encrypted') {
    unread.push({ where: prefix, status: 'encrypted', reason: inner.reason });
    return null;
  }
  for (const part of inner.parts) parts.push({ ...part, where: memberWhere(prefix, part.where) });
  if (inner.limit !== undefined && !MEMBER_WIDE_LIMITS.has(inner.limit)) return stoppedBy(inner.limit, parts);
  unread.push({ where: prefix, status: 'uninspectable', reason: inner.reason });
  return null;
}

function officeKindOfDirectory(names: readonly string[]): boolean {
  return names.includes('word/document.xml') || names.includes('xl/workbook.xml') || names.includes('ppt/presentation.xml');
}

async function readArchiveMembers(context: Context, archive: OpenArchive, depth: number): Promise<Outcome> {
  const parts: TextPart[] = [];
  const unread: UnreadPart[] = [];
  for (const member of archive.members) {
    const limit = context.budget.step();
    if (limit !== null) return stoppedBy(limit, parts);
    const prefix = archiveEntry(member.name);
    const read = await archive.read(member.name);
    if (!read.ok) {
      if (read.limit !== undefined) return stoppedBy(read.limit, parts);
      unread.push({ where: prefix, status: 'uninspectable', reason: read.reason });
      continue;
    }
    const stop = addMember(prefix, await extractAt(context, member.name, read.bytes, depth + 1, false), parts, unread);
    if (stop !== null) return stop;
  }
  return ok(parts, unread);
}

async function extractZip(context: Context, name: string, bytes: Uint8Array, depth: number): Promise<Outcome> {
  if (depth >= context.budget.limits.maxDepth) {
    const directory = readZipDirectory(bytes, context.budget.limits.maxEntries);
    const encrypted = directory.ok ? directory.members.find((member) => member.encryption !== 'none') : undefined;
    if (encrypted !== undefined) return { status: 'encrypted', reason: encrypted.encryption };
    if (!directory.ok || !officeKindOfDirectory(directory.members.map((member) => member.name))) {
      return { status: 'uninspectable', reason: 'nested-archive', limit: 'depth', parts: [] };
    }
  }
  const opening = openArchive(bytes, context.budget, context.inflater);
  if (opening.status === 'encrypted') return opening;
  if (opening.status === 'uninspectable') {
    return opening.limit === undefined ? uninspectable(opening.reason) : stoppedBy(opening.limit);
  }
  const kind = officeKind(opening.archive);
  if (kind === null) {
    return isOfficeOpenXmlName(name) ? uninspectable('corrupt') : readArchiveMembers(context, opening.archive, depth);
  }
  const office = await readOffice(kind, opening.archive, context.budget, context.readers.textStream);
  if (office.stop === undefined) return ok(office.parts);
  return office.stop.limit === undefined ? uninspectable(office.stop.reason, office.parts) : stoppedBy(office.stop.limit, office.parts);
}

async function extractMessage(context: Context, bytes: Uint8Array, depth: number): Promise<Outcome> {
  if (depth >= context.budget.limits.maxDepth) {
    return { status: 'uninspectable', reason: 'nested-archive', limit: 'depth', parts: [] };
  }
  const message = parseMime(bytes);
  const parts: TextPart[] = [];
  const unread: UnreadPart[] = [];
  const headers = headerText(message.headers, MESSAGE_HEADERS);
  if (headers !== '') parts.push({ where: 'header', text: headers });
  const bodies = message.leaves.filter((leaf) => !leaf.isAttachment);
  const hasPlain = bodies.some((leaf) => leaf.contentType === 'text/plain');
  for (const leaf of bodies) {
    if (hasPlain && leaf.contentType === 'text/html') continue;
    const text = leaf.contentType === 'text/html' ? html(leaf.body, leaf.charset) : decodeWithCharset(leaf.body, leaf.charset);
    if (text.trim() !== '') parts.push({ where: 'body', text });
  }
  const attachments = message.leaves.filter((leaf) => leaf.isAttachment);
  const names = attachments.map((leaf) => leaf.filename).filter((filename): filename is string => filename !== undefined);
  if (names.length > 0) parts.push({ where: 'attachment-names', text: names.join('\n') });
  for (const [index, leaf] of attachments.entries()) {
    const limit = context.budget.step();
    if (limit !== null) return stoppedBy(limit, parts);
    const filename = leaf.filename ?? (leaf.contentType === 'message/rfc822' ? `message-${index + 1}.eml` : `attachment-${index + 1}`);
    const stop = addMember(`attachment:${filename}`, await extractAt(context, filename, leaf.body, depth + 1, false), parts, unread);
    if (stop !== null) return stop;
  }
  if (message.truncated) unread.push({ where: 'body', status: 'uninspectable', reason: 'mime-too-complex' });
  return ok(parts, unread);
}

/** Without the pane's PDF reader, a PDF is reported; an /Encrypt dictionary means it is password-protected. */
function pdfWithoutReader(bytes: Uint8Array): Outcome {
  const tail = binaryString(bytes.subarray(Math.max(0, bytes.length - 1024 * 1024)));
  return /\/Encrypt\s*(\d|<<)/.test(tail) ? { status: 'encrypted', reason: 'pdf-encrypted' } : uninspectable('pdf-reader-unavailable');
}

function fromResult(result: ExtractionResult): Outcome {
  if (result.status === 'ok') return ok(result.parts, result.unread);
  if (result.status === 'encrypted') return { status: 'encrypted', reason: result.reason };
  return result.limit === undefined ? uninspectable(result.reason, result.parts) : stoppedBy(result.limit, result.parts);
}

async function extractAt(context: Context, name: string, bytes: Uint8Array, depth: number, charge: boolean): Promise<Outcome> {
  const kind = sniffKind(name, bytes);
  if (kind === 'zip') return extractZip(context, name, bytes, depth);
  if (kind === 'cfb') {
    const cfb = classifyCfb(bytes);
    if (cfb === 'encrypted-office' || isOfficeOpenXmlName(name)) return { status: 'encrypted', reason: 'office-encrypted' };
    return uninspectable(cfb === 'other' ? 'unsupported-type' : cfb);
  }
  if (kind === 'other-archive') return uninspectable('unsupported-archive');
  if (kind === 'image') return uninspectable('image');
  if (kind === 'unknown') return uninspectable(isOfficeOpenXmlName(name) ? 'corrupt' : 'unsupported-type');
  if (kind === 'pdf') {
    const reader = context.readers.pdf;
    return reader === undefined ? pdfWithoutReader(bytes) : fromResult(await reader(bytes, context.budget));
  }
  if (charge) {
    const limit = context.budget.chargeBytes(bytes.length);
    if (limit !== null) return stoppedBy(limit);
  }
  if (kind === 'eml') return extractMessage(context, bytes, depth);
  if (kind === 'html') return textOutcome(html(bytes));
  return textOutcome(decodeText(bytes).text);
}

/**
 * Reads the text of one attachment within `limits` (defaults for any not given). `readers.pdf` is the
 * review pane's PDF reader; without it PDFs are reported as uninspectable. `readers.inflateRaw` is the
 * shell's native inflater; without it the runtime's DecompressionStream is used. Never rejects.
 */
export async function extractText(
  name: string,
  bytes: Uint8Array,
  limits: Partial<ExtractionLimits> = {},
  readers: ExtractionReaders = {},
): Promise<ExtractionResult> {
  const budget = createBudget({ ...DEFAULT_EXTRACTION_LIMITS, ...limits });
  let outcome: Outcome;
  try {
    outcome = await extractAt({ budget, readers, inflater: readers.inflateRaw ?? ambientInflater() }, name, bytes, 0, true);
  } catch {
    // A bug in a reader must still be reported as an unread attachment, never as a clean one.
    outcome = uninspectable('internal-error');
  }
  return { ...outcome, bytesRead: budget.bytesRead };
}
