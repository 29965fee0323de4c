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
import type { Match, MatchKind, PersonalDataKind } from './match.js';

// The policy names the kinds the detectors find. This assignment and the Map keyed by the policy's kind
// in tallyMatches fail to compile if the two lists part.
const KINDS: readonly PersonalDataKind[] = POLICY_KINDS;

function isPersonalData(kind: MatchKind): kind is PersonalDataKind {
  return KINDS.includes(kind as PersonalDataKind);
}

export const DEFAULT_MAX_SAMPLES = 3;
export const MAX_PARTS = 5;

/** The matches of one piece of an attachment (`where` as in extraction: `text`, `sheet:名簿`, `entry:a.csv`). */
export interface MatchedPart {
  readonly where: string;
  readonly matches: readonly Match[];
}

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

interface Counter {
  high: number;
  low: number;
  readonly highSamples: string[];
  readonly lowSamples: string[];
  readonly parts: string[];
}

function addDistinct(list: string[], value: string, cap: number): void {
  if (list.length < cap && !list.includes(value)) list.push(value);
}

/** Per personal-data kind: counts split by confidence, capped masked samples, the parts they are in. */
export function tallyMatches(parts: readonly MatchedPart[], maxSamples = DEFAULT_MAX_SAMPLES): PersonalDataTally[] {
  const counters = new Map<PolicyKind, Counter>();
  for (const part of parts) {
    for (const match of part.matches) {
      const kind = match.kind;
      if (!isPersonalData(kind)) continue;
      let counter = counters.get(kind);
      if (counter === undefined) {
        counter = { high: 0, low: 0, highSamples: [], lowSamples: [], parts: [] };
        counters.set(kind, counter);
      }
      if (match.confidence === 'high') {
        counter.high += 1;
        addDistinct(counter.highSamples, match.masked, maxSamples);
      } else {
        counter.low += 1;
        addDistinct(counter.lowSamples, match.masked, maxSamples);
      }
      addDistinct(counter.parts, part.where, MAX_PARTS);
    }
  }
  const tallies: PersonalDataTally[] = [];
  for (const kind of POLICY_KINDS) {
    const counter = counters.get(kind);
    if (counter !== undefined) tallies.push({ kind, ...counter });
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

/** The summary for EvaluationContext.inspection. */
export function summarizeInspection(input: InspectionInput, options: SummarizeOptions = {}): InspectionSummary {
  const maxSamples = Math.max(0, Math.floor(options.maxSamples ?? DEFAULT_MAX_SAMPLES));
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
}

/** The shape of an extraction result (src/inspect/extract) that this module reads. */
export type ExtractedAttachment =
  | { readonly status: 'ok'; readonly parts: readonly ExtractedPart[]; readonly unread: readonly UnreadMember[] }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly parts: readonly ExtractedPart[] };

/** Runs the detectors over every extracted part: the outcome of one attachment for summarizeInspection. */
export function inspectExtraction(extraction: ExtractedAttachment, options: DetectOptions = {}): AttachmentOutcome {
  const detect = (parts: readonly ExtractedPart[]): MatchedPart[] =>
    parts.map((part) => ({ where: part.where, matches: detectAll(part.text, options) }));
  switch (extraction.status) {
    case 'ok':
      return { status: 'inspected', parts: detect(extraction.parts), unread: extraction.unread };
    case 'encrypted':
      return { status: 'encrypted', reason: extraction.reason };
    case 'uninspectable':
      return { status: 'uninspectable', reason: extraction.reason, parts: detect(extraction.parts) };
  }
}
