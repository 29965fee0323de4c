// Script of a code point from a small range table instead of `\p{Script=...}` regexes, which the
// ES2016 handler bundle cannot parse. Only the scripts that matter for domain look-alikes are named;
// ranges follow Unicode's Scripts.txt at block granularity, which is precise enough to tell Latin
// from its look-alikes.

export type ScriptName =
  'Latin' | 'Cyrillic' | 'Greek' | 'Armenian' | 'Cherokee' | 'Han' | 'Hiragana' | 'Katakana' | 'Hangul' | 'Common' | 'Inherited' | 'Other';

type Range = readonly [first: number, last: number, script: ScriptName];

// Sorted by first code point, not overlapping. Common and Inherited entries listed here win over the
// block of the script around them (e.g. the prolonged sound mark U+30FC inside Katakana).
const RANGES: readonly Range[] = [
  [0x002d, 0x002e, 'Common'],
  [0x0030, 0x0039, 'Common'],
  [0x0041, 0x005a, 'Latin'],
  [0x0061, 0x007a, 'Latin'],
  [0x00aa, 0x00aa, 'Latin'],
  [0x00b7, 0x00b7, 'Common'],
  [0x00ba, 0x00ba, 'Latin'],
  [0x00c0, 0x00d6, 'Latin'],
  [0x00d8, 0x00f6, 'Latin'],
  [0x00f8, 0x02af, 'Latin'],
  [0x0300, 0x036f, 'Inherited'],
  [0x0370, 0x03ff, 'Greek'],
  [0x0400, 0x052f, 'Cyrillic'],
  [0x0531, 0x058f, 'Armenian'],
  [0x1100, 0x11ff, 'Hangul'],
  [0x13a0, 0x13ff, 'Cherokee'],
  [0x1ab0, 0x1aff, 'Inherited'],
  [0x1c80, 0x1c8f, 'Cyrillic'],
  [0x1d00, 0x1d25, 'Latin'],
  [0x1d26, 0x1d2a, 'Greek'],
  [0x1d2b, 0x1d2b, 'Cyrillic'],
  [0x1d2c, 0x1d5c, 'Latin'],
  [0x1d5d, 0x1d61, 'Greek'],
  [0x1d62, 0x1d65, 'Latin'],
  [0x1d66, 0x1d6a, 'Greek'],
  [0x1d6b, 0x1d77, 'Latin'],
  [0x1d78, 0x1d78, 'Cyrillic'],
  [0x1d79, 0x1dbe, 'Latin'],
  [0x1dbf, 0x1dbf, 'Greek'],
  [0x1dc0, 0x1dff, 'Inherited'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x1f00, 0x1fff, 'Greek'],
  [0x200c, 0x200d, 'Inherited'],
  [0x20d0, 0x20ff, 'Inherited'],
  [0x2c60, 0x2c7f, 'Latin'],
  [0x2de0, 0x2dff, 'Cyrillic'],
  [0x2e80, 0x2fdf, 'Han'],
  [0x3005, 0x3005, 'Han'],
  [0x3007, 0x3007, 'Han'],
  [0x3021, 0x3029, 'Han'],
  [0x302a, 0x302d, 'Inherited'],
  [0x3038, 0x303b, 'Han'],
  [0x3041, 0x3096, 'Hiragana'],
  [0x3099, 0x309a, 'Inherited'],
  [0x309b, 0x309c, 'Common'],
  [0x309d, 0x309f, 'Hiragana'],
  [0x30a0, 0x30a0, 'Common'],
  [0x30a1, 0x30fa, 'Katakana'],
  [0x30fb, 0x30fc, 'Common'],
  [0x30fd, 0x30ff, 'Katakana'],
  [0x3131, 0x318e, 'Hangul'],
  [0x31f0, 0x31ff, 'Katakana'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xa640, 0xa69f, 'Cyrillic'],
  [0xa720, 0xa7ff, 'Latin'],
  [0xa960, 0xa97f, 'Hangul'],
  [0xab30, 0xab5a, 'Latin'],
  [0xab5c, 0xab64, 'Latin'],
  [0xab65, 0xab65, 'Greek'],
  [0xab70, 0xabbf, 'Cherokee'],
  [0xac00, 0xd7ff, 'Hangul'],
  [0xf900, 0xfaff, 'Han'],
  [0xfb00, 0xfb06, 'Latin'],
  [0xfb13, 0xfb17, 'Armenian'],
  [0xfe00, 0xfe0f, 'Inherited'],
  [0xfe20, 0xfe2f, 'Inherited'],
  [0xff21, 0xff3a, 'Latin'],
  [0xff41, 0xff5a, 'Latin'],
  [0xff66, 0xff6f, 'Katakana'],
  [0xff70, 0xff70, 'Common'],
  [0xff71, 0xff9d, 'Katakana'],
  [0xffa0, 0xffdc, 'Hangul'],
  [0x1b000, 0x1b000, 'Katakana'],
  [0x1b001, 0x1b11f, 'Hiragana'],
  [0x20000, 0x323af, 'Han'],
  [0xe0100, 0xe01ef, 'Inherited'],
];

export function scriptOf(codePoint: number): ScriptName {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last, script] = RANGES[middle] as Range;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return script;
  }
  return 'Other';
}

/** The scripts of a label's letters: Common and Inherited characters belong to every script. */
export function scriptsOf(label: string): ReadonlySet<ScriptName> {
  const scripts = new Set<ScriptName>();
  for (const char of label) {
    const script = scriptOf(char.codePointAt(0) ?? 0);
    if (script !== 'Common' && script !== 'Inherited') scripts.add(script);
  }
  return scripts;
}

// UTS #39 "Highly Restrictive": one script, or Latin with the scripts written alongside it in
// Japanese, Chinese or Korean. https://www.unicode.org/reports/tr39/#Restriction_Level_Detection
const ALLOWED_COMBINATIONS: readonly ReadonlySet<ScriptName>[] = [
  new Set<ScriptName>(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set<ScriptName>(['Latin', 'Han', 'Hangul']),
];

/** True when a label mixes scripts in a way no single writing system does, e.g. Latin with Cyrillic. */
export function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size <= 1) return false;
  return !ALLOWED_COMBINATIONS.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}
