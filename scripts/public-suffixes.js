#!/usr/bin/env node
// Writes src/policy/lookalike/public-suffix-data.ts: the rules of the Public Suffix List
// (https://publicsuffix.org/list/, Mozilla Public License 2.0, https://mozilla.org/MPL/2.0/) as
// packaged by tldts (MIT), in both its sections, packed into a trie text that
// src/policy/lookalike/public-suffix.ts reads. Run `node scripts/public-suffixes.js` after upgrading
// tldts; test/policy/lookalike/public-suffix.test.ts fails until then.
//
// Only rules whose labels a hostname of letters, digits and hyphens can meet are kept: the look-alike
// checks ask about ASCII (punycode) domains only (src/policy/domain.ts, toAsciiDomain), so the Unicode
// spellings of IDN suffixes (`닷넷`; their `xn--` forms are kept) can never match.
import * as TRIE from 'tldts/dist/es6/src/data/trie.js';
import { packageVersion, writeWhenRun } from './generated-module.js';

const OUTPUT = 'src/policy/lookalike/public-suffix-data.ts';
const ICANN = 1;
const PRIVATE = 2;
const LDH_RULE = /^[a-z0-9*-]+(\.[a-z0-9*-]+)*$/;

/** Each rule of tldts' flat trie as { labels (right to left), section, exception }. */
export function tldtsRules() {
  const labelOffsets = [];
  for (let edge = 0, offset = 0; edge < TRIE.edgeLength.length; edge += 1) {
    labelOffsets.push(offset);
    offset += TRIE.edgeLength[edge];
  }
  const rules = [];
  const visit = (node, labels, exception) => {
    if (TRIE.nodeFlags[node] !== 0 && labels.length > 0) rules.push({ labels, section: TRIE.nodeFlags[node], exception });
    for (let edge = TRIE.edgeStart[node]; edge < TRIE.edgeStart[node + 1]; edge += 1) {
      const label = TRIE.labelText.slice(labelOffsets[edge], labelOffsets[edge] + TRIE.edgeLength[edge]);
      visit(TRIE.edgeChild[edge], [...labels, label], exception);
    }
  };
  visit(TRIE.rulesRoot, [], false);
  visit(TRIE.exceptionsRoot, [], true);
  return rules;
}

/** The rules as the list writes them: `co.jp`, `*.kawasaki.jp`, `!city.kawasaki.jp`. */
export function ruleText({ labels, exception }) {
  return `${exception ? '!' : ''}${[...labels].reverse().join('.')}`;
}

function trieOf(rules) {
  const root = { section: 0, children: new Map() };
  for (const { labels, section } of rules) {
    let node = root;
    for (const label of labels) {
      if (!node.children.has(label)) node.children.set(label, { section: 0, children: new Map() });
      node = node.children.get(label);
    }
    node.section = section;
  }
  return root;
}

// After a label: a rule with no rules under it (`,` ICANN, `+` private), or children to follow up to
// `)`, opened by `(` (no rule here), `[` (ICANN) or `{` (private).
const LEAF = { [ICANN]: ',', [PRIVATE]: '+' };
const OPEN = { 0: '(', [ICANN]: '[', [PRIVATE]: '{' };

function packTrie(node) {
  return [...node.children.keys()]
    .sort()
    .map((label) => {
      const child = node.children.get(label);
      if (child.children.size === 0 && child.section !== 0) return `${label}${LEAF[child.section]}`;
      return `${label}${OPEN[child.section]}${packTrie(child)})`;
    })
    .join('');
}

/** The kept rules, normal and exception, each packed. */
export function packedRules() {
  const kept = tldtsRules().filter((rule) => LDH_RULE.test(rule.labels.join('.')));
  return {
    count: kept.length,
    rules: packTrie(trieOf(kept.filter((rule) => !rule.exception))),
    exceptions: packTrie(trieOf(kept.filter((rule) => rule.exception))),
  };
}

// Back-references (src/policy/lookalike/back-references.ts): the trie text repeats itself (`com,edu,
// gov,net,org,` under many country codes), so copies of earlier text take 46 KB instead of 86 KB.
// Marks are the printable characters the trie text does not use; the digits are every printable
// character a single-quoted literal needs no escape for.
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
  (char) => char !== "'" && char !== '\\',
);
const DIGITS = PRINTABLE.join('');
const MARKS_PER_DIGIT_COUNT = [10, 30];
const LONGEST_LOOK_BACK = 512;

function backReferenceCode(text) {
  const marks = PRINTABLE.filter((char) => !text.includes(char)).join('');
  return {
    marks,
    digits: DIGITS,
    marksPerDigitCount: [...MARKS_PER_DIGIT_COUNT, marks.length - MARKS_PER_DIGIT_COUNT[0] - MARKS_PER_DIGIT_COUNT[1]],
  };
}

/** The mark and digits for copying `length` characters from `distance + 1` back, or null when no mark fits. */
function reference(code, length, distance) {
  let first = 0;
  for (const [index, marks] of code.marksPerDigitCount.entries()) {
    const digitCount = index + 1;
    const place = length - digitCount - 2;
    if (distance < code.digits.length ** digitCount && place >= 0 && place < marks) {
      let digits = '';
      for (let rest = distance, k = 0; k < digitCount; k += 1, rest = Math.floor(rest / code.digits.length)) {
        digits = code.digits.charAt(rest % code.digits.length) + digits;
      }
      return code.marks.charAt(first + place) + digits;
    }
    first += marks;
  }
  return null;
}

/** The copy from earlier text at `at` that saves the most characters, or null. */
function bestCopy(text, at, earlier, code) {
  let best = null;
  const starts = earlier.get(text.slice(at, at + 3)) ?? [];
  for (let k = starts.length - 1; k >= 0 && k >= starts.length - LONGEST_LOOK_BACK; k -= 1) {
    const from = starts[k];
    let length = 0;
    while (at + length < text.length && text.charAt(from + length) === text.charAt(at + length)) length += 1;
    // The longest copy a mark can say, or a shorter one that a nearer mark can.
    for (let take = length; take >= 3; take -= 1) {
      const written = reference(code, take, at - from - 1);
      if (written !== null && take - written.length > (best?.saved ?? 0)) best = { length: take, written, saved: take - written.length };
    }
  }
  return best;
}

/** `text` with repeats written as back-references: greedy, one character of look-ahead. */
export function packBackReferences(text, code) {
  const earlier = new Map();
  const remember = (at) => earlier.set(text.slice(at, at + 3), [...(earlier.get(text.slice(at, at + 3)) ?? []), at]);
  let packed = '';
  for (let at = 0; at < text.length;) {
    const copy = bestCopy(text, at, earlier, code);
    const next = copy === null ? null : bestCopy(text, at + 1, earlier, code);
    if (copy === null || (next !== null && next.saved > copy.saved + 1)) {
      packed += text.charAt(at);
      remember(at);
      at += 1;
    } else {
      packed += copy.written;
      for (let k = 0; k < copy.length; k += 1) remember(at + k);
      at += copy.length;
    }
  }
  return packed;
}

/** The text of the generated module. */
export function publicSuffixModule() {
  const { count, rules, exceptions } = packedRules();
  const code = backReferenceCode(rules);
  return [
    `// Generated by \`node scripts/public-suffixes.js\` from tldts ${packageVersion('tldts')}: do not edit.`,
    `// ${count} rules of the Public Suffix List (https://publicsuffix.org/list/), a work under the Mozilla`,
    '// Public License 2.0 (https://mozilla.org/MPL/2.0/); this file is under that licence too.',
    '',
    "import type { BackReferenceCode } from './back-references.js';",
    '',
    '/** How RULES writes its back-references. */',
    'export const RULES_CODE: BackReferenceCode = {',
    `  marks: '${code.marks}',`,
    `  digits: '${code.digits}',`,
    `  marksPerDigitCount: [${code.marksPerDigitCount.join(', ')}],`,
    '};',
    '/**',
    ' * Once its back-references are expanded: labels right to left; after each, `,`/`+`: an ICANN/private',
    ' * rule; `(`/`[`/`{`: none/ICANN/private, children up to `)`. EXCEPTIONS alike, with no back-references.',
    ' */',
    `export const RULES = '${packBackReferences(rules, code)}';`,
    `export const EXCEPTIONS = '${exceptions}';`,
    '',
  ].join('\n');
}

writeWhenRun(import.meta.url, OUTPUT, publicSuffixModule);
