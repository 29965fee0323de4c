import type { DomainParts } from './domain-parts.js';
import { codePointDistance } from './edit-distance.js';
import { embedsKnownDomain } from './embedded.js';

export type PairReason = 'confusable-skeleton' | 'edit-distance' | 'suffix-swap' | 'embedded-known-domain';

/** How strongly each reason says "this is meant to be that domain"; the strongest known domain wins. */
const STRENGTH: Readonly<Record<PairReason, number>> = {
  'confusable-skeleton': 4,
  'suffix-swap': 3,
  'edit-distance': 2,
  'embedded-known-domain': 1,
};

export interface PairMatch {
  readonly reasons: readonly PairReason[];
  readonly strength: number;
}

/**
 * Edits tolerated between registrable labels: none below 4 characters (too many real names are one
 * letter apart: `kao`/`kdo`), one up to 8, two from 9. Measured on the shorter label.
 */
export function editLimit(shorterLength: number): number {
  if (shorterLength < 4) return 0;
  return shorterLength <= 8 ? 1 : 2;
}

function withinEditDistance(recipient: DomainParts, known: DomainParts): boolean {
  const limit = editLimit(Math.min(recipient.unicodeLabelCodePoints.length, known.unicodeLabelCodePoints.length));
  if (limit === 0) return false;
  const near = (left: readonly number[], right: readonly number[]): boolean => {
    const distance = codePointDistance(left, right, limit);
    return distance >= 1 && distance <= limit;
  };
  if (near(recipient.unicodeLabelCodePoints, known.unicodeLabelCodePoints)) return true;
  const skeletonsAreLabels = recipient.labelSkeleton === recipient.unicodeLabel && known.labelSkeleton === known.unicodeLabel;
  return !skeletonsAreLabels && near(recipient.labelSkeletonCodePoints, known.labelSkeletonCodePoints);
}

/** Why `recipient` looks like `known`, or null; the two must have different registrable domains. */
export function comparePair(recipient: DomainParts, known: DomainParts): PairMatch | null {
  const sameLabel = recipient.label === known.label;
  const sameLook = !sameLabel && recipient.labelSkeleton === known.labelSkeleton;
  const reasons: PairReason[] = [];
  if (sameLook) reasons.push('confusable-skeleton');
  if (!sameLabel && !sameLook && withinEditDistance(recipient, known)) reasons.push('edit-distance');
  if ((sameLabel || sameLook) && recipient.suffix !== known.suffix) reasons.push('suffix-swap');
  if (embedsKnownDomain(recipient, known)) reasons.push('embedded-known-domain');
  if (reasons.length === 0) return null;
  return { reasons, strength: Math.max(...reasons.map((reason) => STRENGTH[reason])) };
}
