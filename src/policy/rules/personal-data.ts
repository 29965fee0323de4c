import { attachmentKey } from '../attachment-key.js';
import {
  PERSONAL_DATA_KINDS,
  type Finding,
  type FindingTarget,
  type PersonalDataThreshold,
  type PersonalDataTally,
  type Policy,
  type RecipientClass,
  type Severity,
  type TextInspection,
} from '../types.js';
import { anyExternal, attachmentTarget, inspectedAttachments } from './inspected-attachments.js';
import { makeFinding, type Rule, type RuleInput } from './rule.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, confirm: 1, block: 2 };

/** Samples shown in one finding; summaries may hold more. */
export const MAX_FINDING_SAMPLES = 3;

interface Location {
  /** `subject`, `body` or `attachment` (also the last part of the message key). */
  readonly type: 'subject' | 'body' | 'attachment';
  readonly key: string;
  readonly target: FindingTarget;
  readonly where: string;
  readonly inspection: TextInspection;
}

function countFor(tally: PersonalDataTally, entry: PersonalDataThreshold): number {
  return entry.confidence === 'any' ? tally.high + tally.low : tally.high;
}

/** The entry with the strongest action whose threshold is reached; the higher threshold breaks ties. */
function strongestReached(tally: PersonalDataTally, entries: readonly PersonalDataThreshold[]): PersonalDataThreshold | null {
  let best: PersonalDataThreshold | null = null;
  for (const entry of entries) {
    if (entry.kind !== tally.kind || countFor(tally, entry) < entry.atLeast) continue;
    if (
      best === null ||
      SEVERITY_RANK[entry.action] > SEVERITY_RANK[best.action] ||
      (entry.action === best.action && entry.atLeast > best.atLeast)
    ) {
      best = entry;
    }
  }
  return best;
}

function samplesFor(tally: PersonalDataTally, entry: PersonalDataThreshold): string[] {
  const samples = entry.confidence === 'any' ? [...tally.highSamples, ...tally.lowSamples] : [...tally.highSamples];
  return samples.filter((sample, index) => samples.indexOf(sample) === index).slice(0, MAX_FINDING_SAMPLES);
}

/** What the part list adds to an attachment name: nothing for a plain file. */
function attachmentWhere(name: string, tally: PersonalDataTally): string {
  const parts = tally.parts.filter((part) => part !== 'text');
  return parts.length === 0 ? name : `${name} (${parts.join(', ')})`;
}

function locationsOf(input: RuleInput): Location[] {
  const summary = input.inspection;
  if (summary === undefined) return [];
  const locations: Location[] = [];
  for (const part of ['subject', 'body'] as const) {
    const inspection = summary[part];
    if (inspection === undefined) continue;
    locations.push({ type: part, key: part, target: { kind: 'message', part }, where: part, inspection });
  }
  for (const { attachment, inspection } of inspectedAttachments(input.snapshot.attachments, summary, false, input.protection)) {
    locations.push({
      type: 'attachment',
      key: `attachment:${attachmentKey(attachment)}`,
      target: attachmentTarget(attachment),
      where: attachment.name,
      inspection,
    });
  }
  return locations;
}

export function applicableThresholds(policy: Policy, recipientClass: RecipientClass): PersonalDataThreshold[] {
  return policy.personalData.filter((entry) => entry.recipients === 'any' || entry.recipients === recipientClass);
}

/**
 * Personal data in the subject, the body or one attachment, counted per location against the policy's
 * thresholds for the mail's recipient class (external once any recipient is). One finding per kind and
 * location, at the strongest action reached; it carries counts and masked samples, never values.
 */
export const personalDataRule: Rule = (input) => {
  const entries = applicableThresholds(input.policy, anyExternal(input.recipients) ? 'external' : 'internal');
  if (entries.length === 0) return [];
  const findings: Finding[] = [];
  for (const location of locationsOf(input)) {
    const tallies = location.inspection.personalData
      .slice()
      .sort((left, right) => PERSONAL_DATA_KINDS.indexOf(left.kind) - PERSONAL_DATA_KINDS.indexOf(right.kind));
    for (const tally of tallies) {
      const entry = strongestReached(tally, entries);
      if (entry === null) continue;
      const where = location.type === 'attachment' ? attachmentWhere(location.where, tally) : location.where;
      findings.push(
        makeFinding(
          'personal-data',
          `${tally.kind}:${location.key}`,
          entry.action,
          [location.target],
          `finding.personal-data.${tally.kind}.${location.type}`,
          {
            kind: tally.kind,
            count: countFor(tally, entry),
            high: tally.high,
            low: tally.low,
            atLeast: entry.atLeast,
            where,
            parts: tally.parts.join(', '),
            samples: samplesFor(tally, entry).join(', '),
          },
        ),
      );
    }
  }
  return findings;
};
