// Turns detector matches per location into the InspectionSummary the policy evaluates. Only masked
// samples, counts and part names go in: the summary is cached in sessionData and may be audited, so it
// must never hold a full value.
import {
  PERSONAL_DATA_KINDS as POLICY_KINDS,
  type AttachmentInspection,
  type InspectionSummary,
  type PersonalDataKind as PolicyKind,
  type PersonalDataTally,
  type TextInspection,
  type UnreadMember,
} from '../policy/index.js';
import { detectAll, type DetectOptions } from './detect-all.js';
import type { Match } from './match.js';
import { addDistinct, tallyOf, TallyBuilder, type PartTally } from './part-tally.js';

export const DEFAULT_MAX_SAMPLES = 3;
export const MAX_PARTS = 5;

/**
 * What was found in one piece of an attachment (`where` as in extraction: `text`, `sheet:名簿`,
 * `entry:a.csv`): its matches, or their tally when another thread detected it (detection-helper.ts).
 */
export type MatchedPart =
  { readonly where: string; readonly matches: readonly Match[] } | { readonly where: string; readonly tally: PartTally };

/** What became of one attachment: read (fully or partly), encrypted, or not reached within the budget. */
export type AttachmentOutcome =
  | { readonly status: 'inspected'; readonly parts: readonly MatchedPart[]; readonly unread?: readonly UnreadMember[] }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly parts?: readonly MatchedPart[] }
  | { readonly status: 'pending' };

export interface AttachmentToSummarize {
  readonly name: string;
  readonly size: number;
  /** Absent: not inspected (yet), i.e. pending. */
  readonly outcome?: AttachmentOutcome;
}

export interface InspectionInput {
  /** Matches in the subject; absent when it was not inspected. */
  readonly subject?: readonly Match[];
  readonly body?: readonly Match[];
  readonly attachments?: readonly AttachmentToSummarize[];
}

export interface SummarizeOptions {
  /** Distinct masked samples kept per kind, confidence and location. */
  readonly maxSamples?: number;
}

/** Per personal-data kind: counts split by confidence, capped masked samples, the parts they are in. */
export function tallyMatches(parts: readonly MatchedPart[], maxSamples = DEFAULT_MAX_SAMPLES): PersonalDataTally[] {
  const all = new TallyBuilder(maxSamples);
  const partsOf = new Map<PolicyKind, string[]>();
  for (const part of parts) {
    const tally = 'tally' in part ? part.tally : tallyOf(part.matches, maxSamples);
    all.merge(tally);
    for (const { kind } of tally) {
      const where = partsOf.get(kind) ?? [];
      partsOf.set(kind, where);
      addDistinct(where, part.where, MAX_PARTS);
    }
  }
  const found = new Map(all.result().map((tally) => [tally.kind, tally]));
  const tallies: PersonalDataTally[] = [];
  for (const kind of POLICY_KINDS) {
    const tally = found.get(kind);
    if (tally !== undefined) tallies.push({ ...tally, parts: partsOf.get(kind) ?? [] });
  }
  return tallies;
}

function textInspection(matches: readonly Match[], where: string, maxSamples: number): TextInspection {
  return { personalData: tallyMatches([{ where, matches }], maxSamples) };
}

function attachmentInspection(attachment: AttachmentToSummarize, maxSamples: number): AttachmentInspection {
  const base = { name: attachment.name, size: attachment.size };
  const outcome: AttachmentOutcome = attachment.outcome ?? { status: 'pending' };
  switch (outcome.status) {
    case 'inspected':
      return {
        ...base,
        status: 'inspected',
        reason: '',
        unread: outcome.unread ?? [],
        personalData: tallyMatches(outcome.parts, maxSamples),
      };
    case 'uninspectable':
      return {
        ...base,
        status: 'uninspectable',
        reason: outcome.reason,
        unread: [],
        personalData: tallyMatches(outcome.parts ?? [], maxSamples),
      };
    case 'encrypted':
      return { ...base, status: 'encrypted', reason: outcome.reason, unread: [], personalData: [] };
    case 'pending':
      return { ...base, status: 'pending', reason: '', unread: [], personalData: [] };
  }
}

export function sampleCap(options: SummarizeOptions): number {
  return Math.max(0, Math.floor(options.maxSamples ?? DEFAULT_MAX_SAMPLES));
}

/** The summary for EvaluationContext.inspection. */
export function summarizeInspection(input: InspectionInput, options: SummarizeOptions = {}): InspectionSummary {
  const maxSamples = sampleCap(options);
  return {
    ...(input.subject === undefined ? {} : { subject: textInspection(input.subject, 'subject', maxSamples) }),
    ...(input.body === undefined ? {} : { body: textInspection(input.body, 'body', maxSamples) }),
    attachments: (input.attachments ?? []).map((attachment) => attachmentInspection(attachment, maxSamples)),
  };
}

/** A piece of extracted text, as src/inspect/extract returns it. */
export interface ExtractedPart {
  readonly where: string;
  readonly text: string;
  /** The TextStream that took the text instead (extract/types.ts). */
  readonly streamed?: number;
}

/** What was found in each streamed part's text, by stream id. */
export type StreamedFindings = ReadonlyMap<number, MatchedPart>;

/** The shape of an extraction result (src/inspect/extract) that this module reads. */
export type ExtractedAttachment =
  | { readonly status: 'ok'; readonly parts: readonly ExtractedPart[]; readonly unread: readonly UnreadMember[] }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly parts: readonly ExtractedPart[] };

/**
 * Runs the detectors over every extracted part, but for those whose text was streamed and is already
 * detected: the outcome of one attachment for summarizeInspection.
 */
export function inspectExtraction(
  extraction: ExtractedAttachment,
  options: DetectOptions = {},
  streamed: StreamedFindings = new Map(),
): AttachmentOutcome {
  const detect = (parts: readonly ExtractedPart[]): MatchedPart[] =>
    parts.map((part) => {
      const found = part.streamed === undefined ? undefined : streamed.get(part.streamed);
      if (part.streamed !== undefined && found === undefined) throw new Error(`stream ${part.streamed} was not detected`);
      return found === undefined ? { where: part.where, matches: detectAll(part.text, options) } : { ...found, where: part.where };
    });
  switch (extraction.status) {
    case 'ok':
      return { status: 'inspected', parts: detect(extraction.parts), unread: extraction.unread };
    case 'encrypted':
      return { status: 'encrypted', reason: extraction.reason };
    case 'uninspectable':
      return { status: 'uninspectable', reason: extraction.reason, parts: detect(extraction.parts) };
  }
}
