import { keptPer } from '../policy/index.js';
import { foldUnit } from './custom/pattern-syntax.js';
import { formOf, isSurrogate, joinsPrevious, keepsItself, unitForm } from './unit-forms.js';

// The prefilter of detectAll (docs/inspection.md, "Detectors"). Every personal-data finding holds a
// digit, an `@` or 丁目 once normalised, and every term starts with its first unit, so only windows
// around those need normalising and scanning. A window reaches far enough on each side to hold all a
// detector reads around its trigger; windows that would overlap are merged, and each starts and ends
// where a normalisation segment starts, so its normalised text is exactly that slice of the whole
// text's. Reaches are counted in segments: each yields at least one normalised unit.

/** Context words are looked for 30 units around a number (context.ts); an address starts at most 33 before its block (address.ts). */
const DIGIT_BEFORE = 40;
const DIGIT_AFTER = 40;
/** A local part is at most 64 units before the `@`, a domain at most 253 after it, read a label further (email.ts). */
const AT_BEFORE = 70;
const AT_AFTER = 330;
/** 丁目 after kanji numerals needs no digit (address.ts); the window starts before those numerals. */
const CHOME_BEFORE = 40;
const CHOME_AFTER = 40;

/** Windows closer than this are merged: scanning a short gap costs less than starting every detector again. */
const MERGE_GAP = 64;

const DIGIT = 1;
const AT = 2;
/** The segment's form ends with 丁. */
const CHO_END = 4;
/** Its form starts with 目, so 丁目 when the segment before ended with 丁. */
const ME_START = 8;
const CHOME_INSIDE = 16;
/** Its form holds İ or Σ, whose lower case depends on the whole text (custom-rules.ts, foldCase). */
const WHOLE_TEXT_CASE = 32;
/** A surrogate or a joining mark: never a segment of its own. */
const NOT_ALONE = 64;
const KNOWN = 128;
/** Alone, the unit does not normalise to itself (unit-forms.ts, keepsItself). */
const CHANGES = 256;
/** The class of a unit alone whose form holds digits and nothing else that triggers. */
const DIGIT_ALONE = KNOWN | DIGIT;

const KANJI_NUMERALS = '一二三四五六七八九十';

export interface TextWindow {
  readonly start: number;
  readonly end: number;
  /** Where, from the window's start, the segments that normalisation changes start (normalize.ts). */
  readonly changes: readonly number[];
}

export interface WindowPlan {
  readonly windows: readonly TextWindow[];
  /** The text holds İ or Σ once normalised, so terms must be folded over the whole text. */
  readonly caseNeedsWholeText: boolean;
}

/** Where the organisation's terms can start: their first folded units, and the longest term. */
export interface TermTriggers {
  readonly firstUnits: ReadonlySet<number>;
  readonly longest: number;
}

function classOfForm(form: string): number {
  let found = KNOWN;
  for (let index = 0; index < form.length; index += 1) {
    const unit = form.charCodeAt(index);
    if (unit >= 0x30 && unit <= 0x39) found |= DIGIT;
    else if (unit === 0x40) found |= AT;
    else if (unit === 0x0130 || unit === 0x03a3) found |= WHOLE_TEXT_CASE;
  }
  if (form.charAt(form.length - 1) === '丁') found |= CHO_END;
  if (form.charAt(0) === '目') found |= ME_START;
  if (form.indexOf('丁目') >= 0) found |= CHOME_INSIDE;
  return found;
}

const unitClasses = new Uint16Array(0x10000);

/** The class of a BMP unit that forms a segment alone. */
function unitClass(unit: number): number {
  const known = unitClasses[unit] ?? 0;
  if (known !== 0) return known;
  const found =
    classOfForm(unitForm(unit)) | (isSurrogate(unit) || joinsPrevious(unit) ? NOT_ALONE : 0) | (keepsItself(unit) ? 0 : CHANGES);
  unitClasses[unit] = found;
  return found;
}

/**
 * The unit at `index`, or 0 (no mark) past the end. charCodeAt's NaN there would teach the optimising
 * compiler that units may be doubles, which slowed the loops by a third on every later text.
 */
function unitAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : 0;
}

function isSegmentStart(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
    const before = text.charCodeAt(index - 1);
    if (before >= 0xd800 && before <= 0xdbff) return false;
  }
  return index === 0 || !joinsPrevious(unit);
}

/** End of the segment starting at `index`: a code point and the marks that join it (normalize.ts). */
function segmentEnd(text: string, index: number): number {
  let end = index + 1;
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && end < text.length) {
    const low = text.charCodeAt(end);
    if (low >= 0xdc00 && low <= 0xdfff) end += 1;
  }
  while (end < text.length && joinsPrevious(text.codePointAt(end) ?? 0)) end += 1;
  return end;
}

function segmentForm(text: string, start: number, end: number): string {
  const unit = text.charCodeAt(start);
  return end - start === 1 && !isSurrogate(unit) ? unitForm(unit) : formOf(text.slice(start, end));
}

/** The segment start `count` segments before `from`, or 0 if that comes first. */
export function segmentsBefore(text: string, from: number, count: number): number {
  let index = from;
  let left = count;
  while (left > 0 && index > 0) {
    index -= 1;
    if (isSegmentStart(text, index)) left -= 1;
  }
  return index;
}

interface GrowingWindow {
  start: number;
  end: number;
  /** At least this many segments lie in [start, end). */
  segments: number;
}

/**
 * Windows in text order, apart from each other. A trigger walks back over the gap to the newest window;
 * when it still wants segments there, it swallows that window and goes on before it.
 */
class WindowBuilder {
  private readonly windows: GrowingWindow[] = [];
  /** Segments the newest window still takes after its end. */
  private wanted = 0;
  /** Every unit from here to the segment being read is a segment alone, so walking back over them counts each. */
  aloneFrom = 0;

  constructor(private readonly text: string) {}

  /** A segment without trigger: taken while the newest window still reaches it. */
  pass(from: number, to: number): void {
    const last = this.windows[this.windows.length - 1];
    if (this.wanted > 0 && last && last.end === from) {
      last.end = to;
      last.segments += 1;
      this.wanted -= 1;
    }
  }

  /** Units from `from` to `to` that are each a segment without trigger. */
  passUnits(from: number, to: number): void {
    const last = this.windows[this.windows.length - 1];
    if (this.wanted > 0 && last && last.end === from) {
      const taken = Math.min(this.wanted, to - from);
      last.end += taken;
      last.segments += taken;
      this.wanted -= taken;
    }
  }

  /**
   * The trigger segments [from, to), `count` of them, need `before` segments before `reach` (≤ from) and
   * `after` after `to`.
   */
  trigger(reach: number, from: number, to: number, before: number, after: number, count = 1): void {
    const newest = this.windows[this.windows.length - 1];
    if (newest && newest.end === from && reach === from && (newest.segments >= before || newest.start === 0)) {
      newest.end = to;
      newest.segments += count;
      this.wanted = Math.max(this.wanted, after);
      return;
    }
    let start = reach;
    let left = before;
    let segments = count;
    // Only 丁目 reaches back from before its own segment, possibly into earlier windows: walk freely.
    // Units from aloneFrom on are each a segment, so `before` of them make `before` segments.
    if (reach < from) start = reach - before >= this.aloneFrom ? reach - before : segmentsBefore(this.text, reach, before);
    if (reach < from) left = 0;
    let stillWanted = 0;
    for (;;) {
      const last = this.windows[this.windows.length - 1];
      const floor = last ? last.end : 0;
      const alone = Math.min(left, start - Math.max(floor, this.aloneFrom));
      if (alone > 0) {
        start -= alone;
        left -= alone;
        segments += alone;
      }
      while (left > 0 && start > floor) {
        start -= 1;
        if (isSegmentStart(this.text, start)) {
          left -= 1;
          segments += 1;
        }
      }
      if (!last || start > last.end + MERGE_GAP) break;
      this.windows.pop();
      if (last.end === from) stillWanted = this.wanted;
      segments += last.segments;
      left = Math.max(0, left - last.segments);
      start = Math.min(start, last.start);
    }
    this.windows.push({ start, end: to, segments });
    this.wanted = Math.max(stillWanted, after);
  }

  /**
   * From `from`, where the newest window ends once it holds every segment a digit reaches back for, takes
   * the units that are each a segment alone and trigger nothing (whether or not they normalise to
   * themselves, as a full-width dash) or are a digit whose form is digits alone: each would only lengthen
   * that window (passUnits or pass, and trigger's first case for a digit run), so they are taken in one
   * loop without those calls. Dense data, a sheet's cells, is mostly these. Returns where it stopped.
   */
  extendOver(from: number, changes: number[]): number {
    const last = this.windows[this.windows.length - 1];
    if (!last || last.end !== from || (last.segments < DIGIT_BEFORE && last.start !== 0)) return from;
    const { text } = this;
    let wanted = this.wanted;
    let end = from;
    let found = unitClasses[text.charCodeAt(end)] ?? 0;
    while (end < text.length) {
      if ((found | CHANGES) === (KNOWN | CHANGES)) {
        if (wanted === 0) break;
      } else if ((found | CHANGES) !== (DIGIT_ALONE | CHANGES)) {
        break;
      }
      // A unit that a mark joins is a segment with it, read by the general path. The next unit's class,
      // once known, tells whether it may be a mark.
      const next = unitAt(text, end + 1);
      const nextFound = unitClasses[next] ?? 0;
      if ((nextFound & NOT_ALONE) !== 0 || (nextFound === 0 && joinsPrevious(next))) break;
      if ((found & CHANGES) !== 0) changes.push(end);
      if ((found & DIGIT) === 0) wanted -= 1;
      else if (wanted < DIGIT_AFTER) wanted = DIGIT_AFTER;
      end += 1;
      found = nextFound;
    }
    last.segments += end - from;
    last.end = end;
    this.wanted = wanted;
    return end;
  }

  /** The windows, each with the changing segments (`changes`, in text order) that lie in it. */
  result(changes: readonly number[]): TextWindow[] {
    let next = 0;
    return this.windows.map(({ start, end }) => {
      while (next < changes.length && (changes[next] ?? 0) < start) next += 1;
      const first = next;
      while (next < changes.length && (changes[next] ?? 0) < end) next += 1;
      // A slice is copied at once; a sheet that is one window has millions of changes, which it takes as
      // they are.
      if (start === 0 && first === 0 && next === changes.length) return { start, end, changes };
      const inside = changes.slice(first, next);
      if (start !== 0) for (let at = 0; at < inside.length; at += 1) inside[at] = (inside[at] ?? 0) - start;
      return { start, end, changes: inside };
    });
  }
}

/**
 * The end of the units from `from` that are each a segment alone whose form holds a digit and nothing
 * else that triggers (0-9, ０-９, ①…). Each would be a trigger of its own, the first placing the window
 * and the rest only lengthening it (WindowBuilder.trigger's first case), so a run is taken as one trigger
 * of that many segments; not with terms, which start per unit.
 */
function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigitAlone(text.charCodeAt(end))) end += 1;
  // Only the last digit can be followed by a mark, which joins it.
  if (end > from && joinsPrevious(unitAt(text, end))) end -= 1;
  return end;
}

function isDigitAlone(unit: number): boolean {
  return ((unitClasses[unit] ?? 0) | CHANGES) === (DIGIT_ALONE | CHANGES);
}

function isKanjiNumerals(form: string): boolean {
  for (let index = 0; index < form.length; index += 1) if (KANJI_NUMERALS.indexOf(form.charAt(index)) < 0) return false;
  return true;
}

/** Back from the segment holding 目 over the 丁 and the kanji numerals before it. */
function numeralsBefore(text: string, from: number): number {
  let index = segmentsBefore(text, from, 1);
  while (index > 0) {
    const start = segmentsBefore(text, index, 1);
    if (!isKanjiNumerals(segmentForm(text, start, index))) break;
    index = start;
  }
  return index;
}

function termStartsIn(form: string, firstUnits: ReadonlySet<number>): boolean {
  const lower = form.toLowerCase();
  for (let index = 0; index < form.length; index += 1) {
    const unit = form.charCodeAt(index);
    if (firstUnits.has(unit) || firstUnits.has(foldUnit(unit))) return true;
  }
  for (let index = 0; index < lower.length; index += 1) if (firstUnits.has(lower.charCodeAt(index))) return true;
  return false;
}

/** Per BMP unit alone: 0 not yet known, 1 no term starts in its form, 2 one may. */
const termUnitMemo = keptPer((_terms: TermTriggers): Uint8Array => new Uint8Array(0x10000));

function isPlain(unit: number, memo: Uint8Array): boolean {
  return unitClasses[unit] === KNOWN && memo[unit] === 1;
}

/** Whether a term can start in the segment at `index` (`form` given when it is more than one unit). */
function startsTerm(text: string, index: number, form: string, memo: Uint8Array, terms: TermTriggers): boolean {
  if (form !== '') return termStartsIn(form, terms.firstUnits);
  const unit = text.charCodeAt(index);
  if (memo[unit] === 0) memo[unit] = termStartsIn(unitForm(unit), terms.firstUnits) ? 2 : 1;
  return memo[unit] === 2;
}

/**
 * The windows of `text` that detection must see, in text order and apart from each other. With `terms`,
 * the places where one of them can start count as triggers too.
 */
export function detectionWindows(text: string, terms: TermTriggers | null): WindowPlan {
  const builder = new WindowBuilder(text);
  const changes: number[] = [];
  const memo = terms ? termUnitMemo(terms) : null;
  let caseNeedsWholeText = false;
  let previousEndsWithCho = false;
  let index = 0;
  while (index < text.length) {
    const extended = memo ? index : builder.extendOver(index, changes);
    if (extended > index) {
      previousEndsWithCho = false;
      index = extended;
      continue;
    }
    // Most units start nothing and are a segment alone: skip them in a tight loop.
    let plainEnd = index;
    if (memo) while (plainEnd < text.length && isPlain(text.charCodeAt(plainEnd), memo)) plainEnd += 1;
    else while (plainEnd < text.length && unitClasses[text.charCodeAt(plainEnd)] === KNOWN) plainEnd += 1;
    if (plainEnd > index && joinsPrevious(unitAt(text, plainEnd))) plainEnd -= 1;
    if (plainEnd > index) {
      builder.passUnits(index, plainEnd);
      previousEndsWithCho = false;
      index = plainEnd;
      continue;
    }
    const unit = text.charCodeAt(index);
    const digitRunEnd = memo ? index : digitsEnd(text, index);
    if (digitRunEnd > index) {
      for (let at = index; at < digitRunEnd; at += 1) if (((unitClasses[text.charCodeAt(at)] ?? 0) & CHANGES) !== 0) changes.push(at);
      builder.trigger(index, index, digitRunEnd, DIGIT_BEFORE, DIGIT_AFTER, digitRunEnd - index);
      previousEndsWithCho = false;
      index = digitRunEnd;
      continue;
    }
    const alone = !isSurrogate(unit) && !joinsPrevious(unitAt(text, index + 1));
    const known = unitClasses[unit] ?? 0;
    const end = alone ? index + 1 : segmentEnd(text, index);
    const form = alone ? '' : formOf(text.slice(index, end));
    const found = alone ? (known !== 0 ? known : unitClass(unit)) : classOfForm(form);
    if (!alone || (found & CHANGES) !== 0) changes.push(index);
    let before = -1;
    let after = 0;
    if ((found & DIGIT) !== 0) {
      before = DIGIT_BEFORE;
      after = DIGIT_AFTER;
    }
    if ((found & AT) !== 0) {
      before = Math.max(before, AT_BEFORE);
      after = Math.max(after, AT_AFTER);
    }
    let reach = index;
    if ((found & CHOME_INSIDE) !== 0 || ((found & ME_START) !== 0 && previousEndsWithCho)) {
      reach = numeralsBefore(text, index);
      before = Math.max(before, CHOME_BEFORE);
      after = Math.max(after, CHOME_AFTER);
    }
    if (memo && terms && startsTerm(text, index, alone ? '' : form, memo, terms)) {
      before = Math.max(before, 0);
      after = Math.max(after, terms.longest);
    }
    if ((found & WHOLE_TEXT_CASE) !== 0) caseNeedsWholeText = true;
    previousEndsWithCho = (found & CHO_END) !== 0;
    if (before >= 0) builder.trigger(reach, index, end, before, after);
    else builder.pass(index, end);
    if (!alone) builder.aloneFrom = end;
    index = end;
  }
  return { windows: builder.result(changes), caseNeedsWholeText };
}
