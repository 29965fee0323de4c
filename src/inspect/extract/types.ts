// The result of reading one attachment's text. Anything that could not be read is a value the caller
// must report (encrypted-attachment / uninspectable-attachment), never an empty success.
import type { RawInflater } from './inflate.js';

/** Which bound stopped an extraction. */
export type ExtractionLimit = 'total-bytes' | 'entry-bytes' | 'ratio' | 'entries' | 'depth' | 'steps' | 'time';

/**
 * One piece of text and where it came from. `where` is one of: `text` (a plain file), `body`, `header`,
 * `footer`, `footnote`, `endnote`, `comment`, `properties`, `slide:<n>`, `notes:<n>`, `sheet:<name>`,
 * `attachment-names`, and for containers `entry:<path>` / `attachment:<name>`, followed by `#<inner where>`
 * when the inner file's own `where` is not `text` (e.g. `entry:docs/a.docx#body`).
 */
export interface TextPart {
  readonly where: string;
  /** Empty when the text went to a TextStream piece by piece. */
  readonly text: string;
  /** The id of the TextStream that took this part's text. */
  readonly streamed?: number;
}

/**
 * Takes a long part's text in pieces while it is read, so that detection on another thread runs beside
 * extraction (inspect-attachment.ts). The pieces, joined, are the text the part would have held.
 */
export interface TextStream {
  readonly id: number;
  write(piece: string): void;
}

/** Something inside a container that was not read (nested archive, encrypted member, unknown type). */
export interface UnreadPart {
  readonly where: string;
  readonly status: 'encrypted' | 'uninspectable';
  readonly reason: string;
}

export interface ExtractionOk {
  readonly status: 'ok';
  readonly parts: readonly TextPart[];
  /** Members of a container that were not read; each one still needs a finding. */
  readonly unread: readonly UnreadPart[];
  readonly bytesRead: number;
}

export interface ExtractionEncrypted {
  readonly status: 'encrypted';
  /** `zip-encrypted`, `zip-aes`, `office-encrypted`, `pdf-encrypted`. */
  readonly reason: string;
  readonly bytesRead: number;
}

export interface ExtractionUninspectable {
  readonly status: 'uninspectable';
  /** `limit:<which>`, `corrupt`, `truncated`, `unsupported-type`, `unsupported-archive`, `image`, `legacy-office`, `pdf-reader-unavailable`, … */
  readonly reason: string;
  readonly limit?: ExtractionLimit;
  /** Text read before the extraction stopped; still worth inspecting. */
  readonly parts: readonly TextPart[];
  readonly bytesRead: number;
}

export type ExtractionResult = ExtractionOk | ExtractionEncrypted | ExtractionUninspectable;

export interface ExtractionLimits {
  /** Uncompressed bytes produced (inflated or decoded) for one attachment, all members together. */
  readonly maxTotalBytes: number;
  /** Uncompressed bytes of one archive member, checked against the declared size and while inflating. */
  readonly maxEntryBytes: number;
  /** Uncompressed / compressed size of one member, once it is larger than `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  /** Members of one archive (central directory records). */
  readonly maxEntries: number;
  /** How many archive levels are opened: 1 = the members of an attached ZIP, not a ZIP inside it. */
  readonly maxDepth: number;
  /** Work units: one per inflated chunk, parsed part, MIME part or PDF page. */
  readonly maxSteps: number;
  /** Wall-clock budget, only applied when `now` is given (the core has no clock of its own). */
  readonly timeBudgetMs: number;
  readonly now?: () => number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
  maxDepth: 1,
  maxSteps: 200_000,
  timeBudgetMs: 20_000,
};

/** What a format reader may spend; shared by every member of one attachment. */
export interface ExtractionBudget {
  readonly limits: ExtractionLimits;
  /** Counts produced bytes; returns the limit that is now exceeded, if any. */
  chargeBytes(count: number): ExtractionLimit | null;
  /** Counts one unit of work and checks the clock. */
  step(): ExtractionLimit | null;
  /** What is left of the time budget; Infinity without a clock. */
  remainingMs(): number;
  readonly bytesRead: number;
}

/** Reads a PDF; supplied by the review pane (pdfjs needs a worker), absent in the core and the CLI. */
export type PdfReader = (bytes: Uint8Array, budget: ExtractionBudget) => Promise<ExtractionResult>;

export interface ExtractionReaders {
  readonly pdf?: PdfReader;
  /** Raw DEFLATE for ZIP members, from the shell (node:zlib, DecompressionStream); see inflate.ts. */
  readonly inflateRaw?: RawInflater;
  /** A stream for a sheet's text of about this many UTF-8 bytes, or null to keep it whole. */
  readonly textStream?: (expectedBytes: number) => TextStream | null;
}
