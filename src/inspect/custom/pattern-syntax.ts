// Patterns come from IT and run inside the send handler, where a catastrophic regex would hang Outlook.
// So they are not handed to RegExp: this parser reads a small regex subset (or a glob) into a tree that
// pattern-program.ts runs in linear time. Everything else is an error value, never an exception.

export type PatternErrorCode = 'empty' | 'too-long' | 'syntax' | 'unsupported' | 'too-complex' | 'matches-empty';

export interface PatternError {
  readonly code: PatternErrorCode;
  /** Index in the (normalised) pattern source where the problem was seen, when there is one. */
  readonly at?: number;
}

/** A character test over case-folded UTF-16 code units. */
export type CharacterTest = (unit: number) => boolean;

export type PatternNode =
  | { readonly type: 'unit'; readonly unit: number }
  | { readonly type: 'test'; readonly test: CharacterTest }
  | { readonly type: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly type: 'choice'; readonly options: readonly PatternNode[] }
  | { readonly type: 'repeat'; readonly item: PatternNode; readonly min: number; readonly max: number };

export type ParseResult = { readonly ok: true; readonly node: PatternNode } | { readonly ok: false; readonly error: PatternError };

export const MAX_REPEAT = 100;
/** `max` of a repeat without an upper bound. */
export const UNBOUNDED = -1;

/** Unwinds the recursive reader; caught in parsePattern and returned as a value, never seen outside. */
class SyntaxFailure {
  constructor(readonly error: PatternError) {}
}

function fail(code: PatternErrorCode, at: number): never {
  throw new SyntaxFailure({ code, at });
}

/** Lower-cases one code unit when that keeps it one code unit; patterns and texts are folded alike. */
export function foldUnit(unit: number): number {
  if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
  if (unit < 0x80) return unit;
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

const isDigit: CharacterTest = (unit) => unit >= 0x30 && unit <= 0x39;
const isWord: CharacterTest = (unit) => isDigit(unit) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || unit === 0x5f;
const isSpace: CharacterTest = (unit) =>
  unit === 0x20 ||
  (unit >= 0x09 && unit <= 0x0d) ||
  unit === 0xa0 ||
  unit === 0x3000 ||
  unit === 0xfeff ||
  (unit >= 0x2000 && unit <= 0x200a) ||
  unit === 0x2028 ||
  unit === 0x2029;
const isNotLineBreak: CharacterTest = (unit) => unit !== 0x0a && unit !== 0x0d && unit !== 0x2028 && unit !== 0x2029;
const isNotSpace: CharacterTest = (unit) => !isSpace(unit);

const CLASS_ESCAPES = new Map<string, CharacterTest>([
  ['d', isDigit],
  ['D', (unit) => !isDigit(unit)],
  ['w', isWord],
  ['W', (unit) => !isWord(unit)],
  ['s', isSpace],
  ['S', isNotSpace],
]);

const CONTROL_ESCAPES = new Map<string, number>([
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
]);

/** The text is folded to lower case, so a class like `[A-Z]` is also tried with the upper-case unit. */
function upperUnit(unit: number): number {
  if (unit >= 0x61 && unit <= 0x7a) return unit - 0x20;
  if (unit < 0x80) return unit;
  const upper = String.fromCharCode(unit).toUpperCase();
  return upper.length === 1 ? upper.charCodeAt(0) : unit;
}

type ClassItem = CharacterTest | { readonly low: number; readonly high: number };

function classTest(items: readonly ClassItem[], negated: boolean): CharacterTest {
  const matchesFolded = (unit: number): boolean =>
    items.some((item) => (typeof item === 'function' ? item(unit) : unit >= item.low && unit <= item.high));
  return (unit) => {
    const inClass = matchesFolded(unit) || matchesFolded(upperUnit(unit));
    return inClass !== negated;
  };
}

class Reader {
  index = 0;
  constructor(readonly source: string) {}
  get done(): boolean {
    return this.index >= this.source.length;
  }
  peek(offset = 0): string {
    return this.source.charAt(this.index + offset);
  }
  next(): string {
    const character = this.source.charAt(this.index);
    this.index += 1;
    return character;
  }
}

/** One class member: a character (as its code unit) or a class escape. */
function readClassAtom(reader: Reader): number | CharacterTest {
  const character = reader.next();
  if (character !== '\\') return character.charCodeAt(0);
  if (reader.done) fail('syntax', reader.index);
  const escaped = reader.next();
  const test = CLASS_ESCAPES.get(escaped);
  if (test) return test;
  const control = CONTROL_ESCAPES.get(escaped);
  if (control !== undefined) return control;
  if (/[A-Za-z0-9]/.test(escaped)) fail('unsupported', reader.index - 2);
  return escaped.charCodeAt(0);
}

/** `[...]` after the opening bracket. */
function readClass(reader: Reader): PatternNode {
  const opened = reader.index - 1;
  const negated = reader.peek() === '^';
  if (negated) reader.next();
  const items: ClassItem[] = [];
  while (!reader.done && reader.peek() !== ']') {
    const low = readClassAtom(reader);
    if (typeof low === 'number' && reader.peek() === '-' && reader.peek(1) !== ']' && reader.index + 1 < reader.source.length) {
      reader.next();
      const high = readClassAtom(reader);
      if (typeof high !== 'number' || high < low) fail('syntax', reader.index - 1);
      items.push({ low, high });
      continue;
    }
    items.push(typeof low === 'number' ? { low: foldUnit(low), high: foldUnit(low) } : low);
  }
  if (reader.done || items.length === 0) fail('syntax', opened);
  reader.next();
  return { type: 'test', test: classTest(items, negated) };
}

function literal(character: string): PatternNode {
  return { type: 'unit', unit: foldUnit(character.charCodeAt(0)) };
}

function readNumber(reader: Reader): number {
  const from = reader.index;
  while (/[0-9]/.test(reader.peek())) reader.next();
  if (reader.index === from) return Number.NaN;
  return Number(reader.source.slice(from, reader.index));
}

/** `{m}`, `{m,}`, `{m,n}` after the opening brace. */
function readBraces(reader: Reader): { min: number; max: number } {
  const opened = reader.index - 1;
  const min = readNumber(reader);
  let max = min;
  if (reader.peek() === ',') {
    reader.next();
    max = reader.peek() === '}' ? UNBOUNDED : readNumber(reader);
  }
  if (reader.next() !== '}' || Number.isNaN(min) || Number.isNaN(max)) fail('syntax', opened);
  if (min > MAX_REPEAT || max > MAX_REPEAT || (max !== UNBOUNDED && max < min)) fail('too-complex', opened);
  return { min, max };
}

function readQuantifier(reader: Reader, item: PatternNode): PatternNode {
  const character = reader.peek();
  let bounds: { min: number; max: number };
  if (character === '*') bounds = { min: 0, max: UNBOUNDED };
  else if (character === '+') bounds = { min: 1, max: UNBOUNDED };
  else if (character === '?') bounds = { min: 0, max: 1 };
  else if (character === '{') bounds = { min: 0, max: 0 };
  else return item;
  reader.next();
  if (character === '{') bounds = readBraces(reader);
  const after = reader.peek();
  // Lazy quantifiers would promise a shortest match; matching here is always leftmost-longest.
  if (after === '?') fail('unsupported', reader.index);
  if (after === '*' || after === '+' || after === '{') fail('syntax', reader.index);
  return { type: 'repeat', item, min: bounds.min, max: bounds.max };
}

function readEscape(reader: Reader): PatternNode {
  if (reader.done) fail('syntax', reader.index - 1);
  const escaped = reader.next();
  const test = CLASS_ESCAPES.get(escaped);
  if (test) return { type: 'test', test };
  const control = CONTROL_ESCAPES.get(escaped);
  if (control !== undefined) return { type: 'unit', unit: control };
  // \b, \1, \u…, \p{…} and friends are not part of the subset.
  if (/[A-Za-z0-9]/.test(escaped)) fail('unsupported', reader.index - 2);
  return literal(escaped);
}

function readAtom(reader: Reader): PatternNode {
  const at = reader.index;
  const character = reader.next();
  switch (character) {
    case '(': {
      if (reader.peek() === '?') {
        if (reader.peek(1) !== ':') fail('unsupported', at);
        reader.next();
        reader.next();
      }
      const inner = readChoice(reader);
      if (reader.next() !== ')') fail('syntax', at);
      return inner;
    }
    case '[':
      return readClass(reader);
    case '.':
      return { type: 'test', test: isNotLineBreak };
    case '\\':
      return readEscape(reader);
    case '^':
    case '$':
      return fail('unsupported', at);
    case '*':
    case '+':
    case '?':
    case '{':
      return fail('syntax', at);
    default:
      return literal(character);
  }
}

function readSequence(reader: Reader): PatternNode {
  const items: PatternNode[] = [];
  while (!reader.done && reader.peek() !== '|' && reader.peek() !== ')') {
    items.push(readQuantifier(reader, readAtom(reader)));
  }
  return items.length === 1 && items[0] ? items[0] : { type: 'sequence', items };
}

function readChoice(reader: Reader): PatternNode {
  const options = [readSequence(reader)];
  while (reader.peek() === '|') {
    reader.next();
    options.push(readSequence(reader));
  }
  return options.length === 1 && options[0] ? options[0] : { type: 'choice', options };
}

function readRegex(source: string): PatternNode {
  const reader = new Reader(source);
  const node = readChoice(reader);
  if (!reader.done) fail('syntax', reader.index);
  return node;
}

/** Glob: `*` is any run of non-space characters, `?` one of them, `[...]` a class, `\` escapes. */
function readGlob(source: string): PatternNode {
  const reader = new Reader(source);
  const items: PatternNode[] = [];
  while (!reader.done) {
    const character = reader.next();
    if (character === '*') items.push({ type: 'repeat', item: { type: 'test', test: isNotSpace }, min: 0, max: UNBOUNDED });
    else if (character === '?') items.push({ type: 'test', test: isNotSpace });
    else if (character === '[') items.push(readClass(reader));
    else if (character === '\\') items.push(reader.done ? fail('syntax', reader.index - 1) : literal(reader.next()));
    else items.push(literal(character));
  }
  return { type: 'sequence', items };
}

/**
 * `/…/` is the regex subset: literals, `.`, `[…]`, `\d \w \s` (and upper case), `( )`, `(?: )`, `|`,
 * `* + ? {m,n}` with bounds up to 100. Anything else is a glob. The source is already normalised.
 */
export function parsePattern(source: string): ParseResult {
  const isRegex = source.length >= 2 && source.charAt(0) === '/' && source.charAt(source.length - 1) === '/';
  const body = isRegex ? source.slice(1, -1) : source;
  if (body.length === 0) return { ok: false, error: { code: 'empty' } };
  try {
    return { ok: true, node: isRegex ? readRegex(body) : readGlob(body) };
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return { ok: false, error: failure.error };
    throw failure;
  }
}
