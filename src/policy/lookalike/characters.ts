import type { DomainParts } from './domain-parts.js';
import { isMixedScript, scriptOf, scriptsOf } from './scripts.js';
import { looksLatin } from './skeleton.js';

export type ScriptReason = 'punycode' | 'mixed-script' | 'whole-script-confusable';

export interface CharacterFlag {
  readonly char: string;
  readonly codePoint: string;
  readonly script: string;
  readonly index: number;
}

/** What the labels' characters alone say, whichever known domain the domain imitates. */
export function scriptReasons(parts: DomainParts): ScriptReason[] {
  const reasons: ScriptReason[] = [];
  if (parts.asciiLabels.some((label) => label.startsWith('xn--'))) reasons.push('punycode');
  if (parts.unicodeLabels.some(isMixedScript)) reasons.push('mixed-script');
  if (parts.unicodeLabels.some(isWholeScriptConfusable)) reasons.push('whole-script-confusable');
  return reasons;
}

/** A label written in one script other than Latin that nevertheless reads as Latin (`аррӏе`). */
function isWholeScriptConfusable(label: string): boolean {
  const scripts = scriptsOf(label);
  return scripts.size === 1 && !scripts.has('Latin') && looksLatin(label);
}

export function describeCharacter(char: string, index: number): CharacterFlag {
  const codePoint = char.codePointAt(0) ?? 0;
  const hex = codePoint.toString(16).toUpperCase();
  return {
    char,
    // Not padStart: it is ES2017 and the handler runtime guarantees ES2016 only.
    codePoint: `U+${'0000'.slice(hex.length)}${hex}`,
    script: scriptOf(codePoint),
    index,
  };
}

/** Every character outside ASCII, with its UTF-16 index in `unicode`. */
export function nonAsciiCharacters(unicode: string): CharacterFlag[] {
  const flags: CharacterFlag[] = [];
  let index = 0;
  for (const char of unicode) {
    if ((char.codePointAt(0) ?? 0) > 0x7f) flags.push(describeCharacter(char, index));
    index += char.length;
  }
  return flags;
}

/**
 * The characters of the recipient's registrable label that differ from the imitated label, found
 * by trimming their common beginning and end (`rn` in `rnicrosoft`, `1` in `examp1e`).
 */
export function differingCharacters(recipient: DomainParts, imitated: string): CharacterFlag[] {
  const offset = recipient.unicodeLabels.slice(0, recipient.labelIndex).reduce((sum, label) => sum + label.length + 1, 0);
  const mine = Array.from(recipient.unicodeLabel);
  const theirs = Array.from(imitated);
  let start = 0;
  while (start < mine.length && start < theirs.length && mine[start] === theirs[start]) start += 1;
  let end = 0;
  while (end < mine.length - start && end < theirs.length - start && mine[mine.length - 1 - end] === theirs[theirs.length - 1 - end]) {
    end += 1;
  }
  let index = offset + mine.slice(0, start).join('').length;
  return mine.slice(start, mine.length - end).map((char) => {
    const flag = describeCharacter(char, index);
    index += char.length;
    return flag;
  });
}
