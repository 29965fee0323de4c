import type { KeywordLocation, KeywordRule } from '../../../policy/types.js';
import type { KeywordCollector } from '../keyword-collector.js';
import { note, type ImportNote } from '../import-note.js';
import type { WarningType } from './fcm-sections.js';

const WILDCARD = /[*?]/;

export interface WrittenTerm {
  readonly line: number;
  readonly text: string;
}

export function keywordAction(type: WarningType): KeywordRule['action'] {
  return type === 'BLOCK' ? 'block' : 'warn';
}

/**
 * Terms of one FlexConfirmMail list (UnsafeFiles.txt, a section of UnsafeBodies.txt), which it matches anywhere
 * in the text, ignoring case, as Preflight's keywords do. `-term` removes the same term; a pattern has no
 * keyword equivalent. Each term that is carried is reported at `type` REWARNING, which Preflight asks once.
 */
export function addTerms(
  file: string,
  terms: readonly WrittenTerm[],
  type: WarningType,
  where: KeywordLocation,
  keywords: KeywordCollector,
  notes: ImportNote[],
): void {
  const removed = new Set(terms.filter((term) => term.text.startsWith('-')).map((term) => term.text.slice(1).toLowerCase()));
  const present = new Set(terms.map((term) => term.text.toLowerCase()));
  for (const { line, text } of terms) {
    if (text.startsWith('-')) {
      if (!present.has(text.slice(1).toLowerCase())) notes.push(note(file, line, text, 'keyword-exclusion'));
      continue;
    }
    if (removed.has(text.toLowerCase())) continue;
    if (WILDCARD.test(text)) {
      notes.push(note(file, line, text, 'wildcard-keyword'));
      continue;
    }
    if (!keywords.add(text, keywordAction(type), where)) {
      notes.push(note(file, line, text, 'invalid-keyword'));
      continue;
    }
    if (type === 'REWARNING') notes.push(note(file, line, text, 'second-confirmation'));
  }
}
