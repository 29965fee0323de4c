import { maskText } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import { normalizeText, type NormalizedText } from '../normalize.js';
import { acceptsEmpty, compileProgram, searchAll, type PatternProgram } from './pattern-program.js';
import { foldUnit, parsePattern, type PatternError } from './pattern-syntax.js';

// The organisation's own keywords and patterns. Both are compared with the message after the same
// normalisation and case folding, so `社外秘`, `ＣＯＮＦＩＤＥＮＴＩＡＬ` and `confidential` all match.

export const MAX_RULE_LENGTH = 200;

export interface CompiledPattern {
  readonly source: string;
  readonly program: PatternProgram;
}

export type PatternCompileResult =
  { readonly ok: true; readonly pattern: CompiledPattern } | { readonly ok: false; readonly error: PatternError };

export interface CustomRuleInput {
  readonly terms?: readonly string[];
  readonly patterns?: readonly string[];
}

export interface CustomRuleProblem {
  readonly list: 'terms' | 'patterns';
  readonly index: number;
  readonly error: PatternError;
}

export interface CustomRules {
  /** Folded terms by their index in the input; an index whose term was rejected is absent. */
  readonly terms: ReadonlyMap<number, string>;
  readonly patterns: ReadonlyMap<number, CompiledPattern>;
}

export interface CompiledCustomRules {
  readonly rules: CustomRules;
  readonly problems: readonly CustomRuleProblem[];
}

/** Lower case per code unit, keeping every index where it was (so spans stay valid). */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (let index = 0; index < text.length; index += 1) folded += String.fromCharCode(foldUnit(text.charCodeAt(index)));
  return folded;
}

function checkLength(source: string): PatternError | null {
  if (source.trim().length === 0) return { code: 'empty' };
  if (source.length > MAX_RULE_LENGTH) return { code: 'too-long' };
  return null;
}

/** A glob or `/regex/` (see pattern-syntax.ts) compiled for linear-time search, or why it cannot be. */
export function compilePattern(source: string): PatternCompileResult {
  const tooLong = checkLength(source);
  if (tooLong) return { ok: false, error: tooLong };
  const parsed = parsePattern(normalizeText(source));
  if (!parsed.ok) return parsed;
  const program = compileProgram(parsed.node);
  if (!program) return { ok: false, error: { code: 'too-complex' } };
  if (acceptsEmpty(program)) return { ok: false, error: { code: 'matches-empty' } };
  return { ok: true, pattern: { source, program } };
}

export function compileCustomRules(input: CustomRuleInput): CompiledCustomRules {
  const problems: CustomRuleProblem[] = [];
  const terms = new Map<number, string>();
  const patterns = new Map<number, CompiledPattern>();
  (input.terms ?? []).forEach((term, index) => {
    const error = checkLength(term);
    if (error) problems.push({ list: 'terms', index, error });
    else terms.set(index, foldCase(normalizeText(term)));
  });
  (input.patterns ?? []).forEach((source, index) => {
    const compiled = compilePattern(source);
    if (compiled.ok) patterns.set(index, compiled.pattern);
    else problems.push({ list: 'patterns', index, error: compiled.error });
  });
  return { rules: { terms, patterns }, problems };
}

function termCandidates(folded: string, term: string, index: number): Candidate[] {
  const found: Candidate[] = [];
  let at = folded.indexOf(term);
  while (at >= 0) {
    found.push({ kind: 'term', start: at, end: at + term.length, masked: term, confidence: 'high', ruleIndex: index });
    at = folded.indexOf(term, at + term.length);
  }
  return found;
}

/**
 * Matches of every term and pattern. Matches of different rules may overlap: each rule is its own
 * finding. A term shows as itself (IT wrote it); a pattern match is masked.
 */
export function detectCustom(input: NormalizedText, rules: CustomRules): Match[] {
  const folded = foldCase(input.text);
  const candidates: Candidate[] = [];
  rules.terms.forEach((term, index) => {
    for (const candidate of termCandidates(folded, term, index)) candidates.push(candidate);
  });
  rules.patterns.forEach((pattern, index) => {
    for (const span of searchAll(pattern.program, folded).spans) {
      const masked = maskText(input.text.slice(span.start, span.end));
      candidates.push({ kind: 'pattern', start: span.start, end: span.end, masked, confidence: 'high', ruleIndex: index });
    }
  });
  return toMatches(input, candidates);
}
