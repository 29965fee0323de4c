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

function near(left: readonly number[], right: readonly number[], limit: number): boolean {
  const distance = codePointDistance(left, right, limit);
  return distance >= 1 && distance <= limit;
}

function withinEditDistance(recipient: DomainParts, known: DomainParts): boolean {
  const limit = editLimit(Math.min(recipient.unicodeLabelCodePoints.length, known.unicodeLabelCodePoints.length));
  if (limit === 0) return false;
  if (near(recipient.unicodeLabelCodePoints, known.unicodeLabelCodePoints, limit)) return true;
  const skeletonsAreLabels = recipient.labelSkeleton === recipient.unicodeLabel && known.labelSkeleton === known.unicodeLabel;
  return !skeletonsAreLabels && near(recipient.labelSkeletonCodePoints, known.labelSkeletonCodePoints, limit);
}

/** Why `recipient` looks like `known`, or null; the two must have different registrable domains. */
export function comparePair(recipient: DomainParts, known: DomainParts): PairMatch | null {
  const sameLabel = recipient.label === known.label;
  const sameLook = !sameLabel && recipient.labelSkeleton === known.labelSkeleton;
  const edited = !sameLabel && !sameLook && withinEditDistance(recipient, known);
  const swapped = (sameLabel || sameLook) && recipient.suffix !== known.suffix;
  const embedded = embedsKnownDomain(recipient, known);
  // Most pairs share nothing: they return here, without building a list (fifty known domains per new one).
  if (!sameLook && !edited && !swapped && !embedded) return null;
  const reasons: PairReason[] = [];
  if (sameLook) reasons.push('confusable-skeleton');
  if (edited) reasons.push('edit-distance');
  if (swapped) reasons.push('suffix-swap');
  if (embedded) reasons.push('embedded-known-domain');
  return { reasons, strength: Math.max(...reasons.map((reason) => STRENGTH[reason])) };
}
