// Public surface of content inspection. Other layers import from here only.
export { normalizeWithMap, normalizeText } from './normalize.js';
export type { NormalizedText, OriginalSpan } from './normalize.js';
export type { Match, MatchKind, PersonalDataKind, Confidence, Detector } from './match.js';
export { detectAll, resolveOverlaps, PERSONAL_DATA_KINDS } from './detect-all.js';
export type { DetectOptions } from './detect-all.js';
export { detectMyNumbers } from './detectors/my-number.js';
export { detectCorporateNumbers } from './detectors/corporate-number.js';
export { detectPaymentCards } from './detectors/payment-card.js';
export { detectPhones } from './detectors/phone.js';
export { detectPostalCodes } from './detectors/postal-code.js';
export { detectAddresses } from './detectors/address.js';
export { detectEmails } from './detectors/email.js';
export { detectBankAccounts } from './detectors/bank-account.js';
export { compileCustomRules, compilePattern, detectCustom, MAX_RULE_LENGTH } from './custom/custom-rules.js';
export type {
  CompiledCustomRules,
  CompiledPattern,
  CustomRuleInput,
  CustomRuleProblem,
  CustomRules,
  PatternCompileResult,
} from './custom/custom-rules.js';
export type { PatternError, PatternErrorCode } from './custom/pattern-syntax.js';
export { isValidMyNumber, isValidCorporateNumber, passesLuhn } from './checksums.js';
export { cardBrand } from './card-brand.js';
export type { CardBrand } from './card-brand.js';
export {
  archiveEntry,
  extractText,
  createPdfReader,
  decompressionStreamInflater,
  memberWhere,
  DEFAULT_EXTRACTION_LIMITS,
} from './extract/index.js';
export type {
  DecompressionStreamConstructor,
  ExtractionBudget,
  ExtractionEncrypted,
  ExtractionLimit,
  ExtractionLimits,
  ExtractionOk,
  ExtractionReaders,
  ExtractionResult,
  ExtractionUninspectable,
  InflateEnd,
  PdfjsLike,
  PdfReader,
  PdfReaderOptions,
  PdfTimer,
  RawInflater,
  TextPart,
  TextStream,
  UnreadPart,
} from './extract/index.js';
export { summarizeInspection, tallyMatches, inspectExtraction, DEFAULT_MAX_SAMPLES } from './summarize.js';
export { inspectAttachment, STREAM_FROM_BYTES } from './inspect-attachment.js';
export { detectionClient, detectionService, restartingHelper } from './detection-helper.js';
export type {
  DetectionClient,
  DetectionHelper,
  HelperAnswer,
  HelperEvents,
  HelperRequest,
  HelperStream,
  HelperThread,
  RestartingHelper,
} from './detection-helper.js';
export type { KindTally, PartTally } from './part-tally.js';
export { summarizeMessage, pendingInspection, mergeInspections, MAX_INSPECTED_TEXT_CHARS } from './message-summary.js';
export { inspectFileAttachments, type AttachmentInspector } from './file-attachments.js';
export type { MessageSummaryOptions } from './message-summary.js';
export type { InspectAttachmentOptions } from './inspect-attachment.js';
export type {
  AttachmentOutcome,
  AttachmentToSummarize,
  ExtractedAttachment,
  ExtractedPart,
  InspectionInput,
  MatchedPart,
  SummarizeOptions,
} from './summarize.js';
export { readEmlSnapshot, type EmlRead } from './eml/eml-snapshot.js';
