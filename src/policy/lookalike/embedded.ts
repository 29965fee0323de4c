import { isIcannSuffix, type DomainParts } from './domain-parts.js';

// Below this length a known label is matched only as a whole hyphen-separated word, never as part of
// a longer word: `apple` must not fire on `pineapple.com`, `microsoft` should on `microsoftsupport.com`.
// Longer labels match at either end of the registrable label, not inside it (`counterexamples.org`).
const MIN_SUBSTRING_LENGTH = 6;
const MIN_WORD_LENGTH = 3;

function containsWords(label: string, words: string): boolean {
  // Most labels do not hold the words at all: that is one search, without building two strings.
  return label.includes(words) && `-${label}-`.includes(`-${words}-`);
}

/** `example.co.jp.evil.com`, `example.com.evil.com`: the known label and a public suffix, under a foreign domain. */
function inSubdomain(recipient: DomainParts, known: DomainParts): boolean {
  if (recipient.labelIndex === 0) return false;
  const subdomain = recipient.labelSkeletons.slice(0, recipient.labelIndex);
  return subdomain.some((labelSkeleton, index) => {
    if (labelSkeleton !== known.labelSkeleton) return false;
    const rest = recipient.asciiLabels.slice(index + 1, recipient.labelIndex);
    return rest.some((_, end) => isIcannSuffix(rest.slice(0, end + 1)));
  });
}

/** `example-co-jp.evil.com`: the whole known domain spelled with hyphens in any label. */
function hyphenated(recipient: DomainParts, known: DomainParts): boolean {
  const spelled = known.hyphenatedRegistrable;
  for (let index = 0; index <= recipient.labelIndex; index += 1)
    if (containsWords(recipient.asciiLabels[index] ?? '', spelled)) return true;
  return false;
}

/** `example-co.jp`, `login-exаmple.com`, `microsoftsupport.com`: the known label in the registrable label. */
function inRegistrableLabel(recipient: DomainParts, known: DomainParts): boolean {
  const knownLength = known.unicodeLabelCodePoints.length;
  if (knownLength < MIN_WORD_LENGTH) return false;
  const words = recipient.wordSkeletons;
  if (words.length > 1 && words.includes(known.labelSkeleton)) return true;
  if (knownLength < MIN_SUBSTRING_LENGTH || recipient.labelSkeleton === known.labelSkeleton) return false;
  const { labelSkeleton } = recipient;
  return labelSkeleton.startsWith(known.labelSkeleton) || labelSkeleton.endsWith(known.labelSkeleton);
}

/** True when a known domain or its label is written into a foreign domain. */
export function embedsKnownDomain(recipient: DomainParts, known: DomainParts): boolean {
  return inSubdomain(recipient, known) || hyphenated(recipient, known) || inRegistrableLabel(recipient, known);
}
