// What one part's matches (or a run of its pieces) add to a summary, kept small enough to post between
// threads: counts, and the first distinct masked samples in text order. Merging tallies in text order
// gives what counting all the matches at once gives, because a merge only takes samples not yet held and
// each tally keeps as many distinct samples as the merge can still take (docs/inspection.md, "Detection
// beside extraction").
import { PERSONAL_DATA_KINDS, type PersonalDataKind } from '../policy/index.js';
import type { Match, MatchKind, PersonalDataKind as DetectedKind } from './match.js';

// The policy names the kinds the detectors find. This assignment and the Map keyed by the policy's kind
// in TallyBuilder fail to compile if the two lists part.
const KINDS: readonly DetectedKind[] = PERSONAL_DATA_KINDS;

export interface KindTally {
  readonly kind: PersonalDataKind;
  high: number;
  low: number;
  readonly highSamples: string[];
  readonly lowSamples: string[];
}

/** One entry per kind found, in no particular order. */
export type PartTally = readonly KindTally[];

export function addDistinct(list: string[], value: string, cap: number): void {
  if (list.length < cap && !list.includes(value)) list.push(value);
}

function isPersonalData(kind: MatchKind): kind is DetectedKind {
  return KINDS.includes(kind as DetectedKind);
}

export class TallyBuilder {
  private readonly kinds = new Map<PersonalDataKind, KindTally>();
  constructor(private readonly maxSamples: number) {}

  private counter(kind: DetectedKind): KindTally {
    let counter = this.kinds.get(kind);
    if (counter === undefined) {
      counter = { kind, high: 0, low: 0, highSamples: [], lowSamples: [] };
      this.kinds.set(kind, counter);
    }
    return counter;
  }

  /** Terms and patterns are the organisation's own findings, not personal data: they are not counted. */
  add(match: Match): void {
    if (!isPersonalData(match.kind)) return;
    const counter = this.counter(match.kind);
    if (match.confidence === 'high') {
      counter.high += 1;
      addDistinct(counter.highSamples, match.masked, this.maxSamples);
    } else {
      counter.low += 1;
      addDistinct(counter.lowSamples, match.masked, this.maxSamples);
    }
  }

  /** A tally of the text that follows all this one has counted. */
  merge(tally: PartTally): void {
    for (const found of tally) {
      const counter = this.counter(found.kind);
      counter.high += found.high;
      counter.low += found.low;
      for (const sample of found.highSamples) addDistinct(counter.highSamples, sample, this.maxSamples);
      for (const sample of found.lowSamples) addDistinct(counter.lowSamples, sample, this.maxSamples);
    }
  }

  result(): PartTally {
    return [...this.kinds.values()];
  }
}

export function tallyOf(matches: readonly Match[], maxSamples: number): PartTally {
  const builder = new TallyBuilder(maxSamples);
  for (const match of matches) builder.add(match);
  return builder.result();
}
