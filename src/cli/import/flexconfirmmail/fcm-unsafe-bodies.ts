import type { KeywordCollector } from '../keyword-collector.js';
import { note, type ImportNote } from '../import-note.js';
import type { NumberedLine } from '../settings-text.js';
import { addTerms, type WrittenTerm } from './fcm-keywords.js';
import { WARNING_TYPES, type WarningType } from './fcm-sections.js';

const FILE = 'UnsafeBodies.txt';
const HEADER = /^\[(.*)\]$/;
const KEY_VALUE = /^([^=]+)=(.*)$/;

interface BodyRule {
  keywords?: { line: number; terms: string[] };
  warningType?: { line: number; value: string };
  message?: { line: number; value: string };
  language?: { line: number; value: string };
}

/** `[name]` sections of Keywords, WarningType, Message, Language; a name written twice merges, the later key wins. */
function readRules(lines: readonly NumberedLine[], notes: ImportNote[]): Map<string, BodyRule> {
  const rules = new Map<string, BodyRule>();
  let current: BodyRule | undefined;
  for (const { number, text: raw } of lines) {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) continue;
    const header = HEADER.exec(text);
    if (header !== null) {
      const name = header[1] ?? '';
      current = rules.get(name) ?? {};
      rules.set(name, current);
      continue;
    }
    const pair = KEY_VALUE.exec(text);
    // FlexConfirmMail ignores what comes before the first section, and lines that are no `key=value`.
    if (current === undefined || pair === null) {
      notes.push(note(FILE, number, text, 'unknown-setting'));
      continue;
    }
    const key = (pair[1] ?? '').trim();
    const value = (pair[2] ?? '').trim();
    if (key === 'Keywords')
      current.keywords = {
        line: number,
        terms: value
          .split(',')
          .map((term) => term.trim())
          .filter((term) => term !== ''),
      };
    else if (key === 'WarningType') current.warningType = { line: number, value };
    else if (key === 'Message') current.message = { line: number, value };
    else if (key === 'Language') current.language = { line: number, value };
    else notes.push(note(FILE, number, text, 'unknown-setting'));
  }
  return rules;
}

function warningTypeOf(rule: BodyRule): WarningType {
  const written = rule.warningType?.value.toUpperCase() ?? 'WARNING';
  // FlexConfirmMail treats any other value as WARNING (src/web/unsafe-bodies-confirmation.mjs).
  return (WARNING_TYPES as readonly string[]).includes(written) ? (written as WarningType) : 'WARNING';
}

/** UnsafeBodies.txt: each section's keywords become body keywords; its message and language stay behind. */
export function importUnsafeBodies(lines: readonly NumberedLine[], keywords: KeywordCollector, notes: ImportNote[]): void {
  for (const [name, rule] of readRules(lines, notes)) {
    const type = warningTypeOf(rule);
    if (rule.warningType !== undefined && warningTypeOf(rule) !== rule.warningType.value.toUpperCase()) {
      notes.push(note(FILE, rule.warningType.line, `[${name}] WarningType=${rule.warningType.value}`, 'bad-value'));
    }
    const terms: WrittenTerm[] = (rule.keywords?.terms ?? []).map((text) => ({ line: rule.keywords?.line ?? 0, text }));
    addTerms(FILE, terms, type, 'body', keywords, notes);
    if (rule.message !== undefined && rule.message.value !== '') {
      notes.push(note(FILE, rule.message.line, `[${name}] Message`, 'custom-message'));
    }
    if (rule.language !== undefined && rule.language.value !== '') {
      notes.push(note(FILE, rule.language.line, `[${name}] Language=${rule.language.value}`, 'message-language'));
    }
  }
}
