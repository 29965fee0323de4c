// Public surface of attachment text extraction.
export { archiveEntry, extractText, memberWhere } from './extract-text.js';
export { createPdfReader } from './pdf.js';
export { decompressionStreamInflater } from './inflate.js';
export type { DecompressionStreamConstructor, InflateEnd, RawInflater } from './inflate.js';
export type { PdfjsLike, PdfReaderOptions, PdfTimer } from './pdf.js';
export { DEFAULT_EXTRACTION_LIMITS } from './types.js';
export type {
  ExtractionBudget,
  ExtractionEncrypted,
  ExtractionLimit,
  ExtractionLimits,
  ExtractionOk,
  ExtractionReaders,
  ExtractionResult,
  ExtractionUninspectable,
  PdfReader,
  TextPart,
  TextStream,
  UnreadPart,
} from './types.js';
