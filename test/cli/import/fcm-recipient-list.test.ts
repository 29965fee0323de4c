import { describe, expect, it } from 'vitest';
import { preflightEntryOf } from '../../../src/cli/import/flexconfirmmail/fcm-entry.js';
import { translateRecipientList } from '../../../src/cli/import/flexconfirmmail/fcm-recipient-list.js';
import type { ImportNote } from '../../../src/cli/import/import-note.js';
import { numberedLines } from '../../../src/cli/import/settings-text.js';
import { flexConfirmMailIncludes, preflightList } from './recipient-membership.js';

function translate(written: readonly string[]) {
  const notes: ImportNote[] = [];
  const list = translateRecipientList('TrustedDomains.txt', numberedLines(written.join('\n')), notes);
  return { ...list, notes };
}

describe('preflightEntryOf (a FlexConfirmMail entry in Preflight syntax)', () => {
  it.each([
    ['example.com', '@example.com'],
    ['@example.com', '@example.com'],
    ['Example.COM', '@example.com'],
    ['*.example.com', '*.example.com'],
    ['ab?.example.org', 'ab?.example.org'],
    ['tanaka@example.com', 'tanaka@example.com'],
    ['*.trusted@example.com', '*.trusted@example.com'],
    ['*@*.example.com', '*@*.example.com'],
    ['@', '@'],
  ])('%s → %s', (written, expected) => {
    expect(preflightEntryOf(written)).toBe(expected);
  });

  it.each(['example.*', '*', 'a b.example', '@@example.com'])('%s cannot be read', (written) => {
    expect(preflightEntryOf(written)).toBeNull();
  });
});

describe('translateRecipientList', () => {
  const written = [
    '# our domains',
    'example.co.jp',
    '*.example.co.jp',
    '@group.example',
    '*.branch.example.net',
    'Sales@Partner.example',
    '*.trusted@example.com',
    'ab?.example.org',
    '-old.example.co.jp',
    'old.example.co.jp',
  ];
  const addresses = [
    'a@example.co.jp',
    'a@mail.example.co.jp',
    'a@old.example.co.jp',
    'a@notexample.co.jp',
    'a@example.co.jp.evil.com',
    'a@group.example',
    'a@sub.group.example',
    'a@x.branch.example.net',
    'a@branch.example.net',
    'sales@partner.example',
    'SALES@PARTNER.EXAMPLE',
    'other@partner.example',
    'x.trusted@example.com',
    'trusted@example.com',
    'a@abc.example.org',
    'a@abcd.example.org',
    'a@ab.example.org',
    'nobody',
  ];

  it('writes each entry in Preflight syntax, comments kept, a domain with its subdomains joined', () => {
    expect(translate(written)).toEqual({
      entries: [
        '# our domains',
        'example.co.jp',
        '@group.example',
        '*.branch.example.net',
        'sales@partner.example',
        '*.trusted@example.com',
        'ab?.example.org',
      ],
      inclusions: [
        '@example.co.jp',
        '*.example.co.jp',
        '@group.example',
        '*.branch.example.net',
        'sales@partner.example',
        '*.trusted@example.com',
        'ab?.example.org',
      ],
      notes: [],
    });
  });

  it.each(addresses)('%s is in the Preflight list exactly when FlexConfirmMail lists it', (address) => {
    const list = preflightList(translate(written).entries);
    expect(list.includes(address)).toBe(flexConfirmMailIncludes(written, address));
  });

  it('includes and leaves out what the list says (the comparison above is not vacuous)', () => {
    const list = preflightList(translate(written).entries);
    expect(['a@example.co.jp', 'a@old.example.co.jp', 'x.trusted@example.com', 'a@abc.example.org'].map(list.includes)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['a@notexample.co.jp', 'a@sub.group.example', 'a@branch.example.net', 'a@abcd.example.org'].map(list.includes)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps an exclusion with nothing to remove as a Preflight exclusion, and says it is wider', () => {
    const result = translate(['*.example.co.jp', '-retired.example.co.jp']);
    expect(result.entries).toEqual(['*.example.co.jp', '-@retired.example.co.jp']);
    expect(result.notes).toEqual([{ file: 'TrustedDomains.txt', line: 2, setting: '-retired.example.co.jp', reason: 'exclusion-wider' }]);
    // The difference the note names: FlexConfirmMail still lists the domain through the wildcard entry.
    expect(preflightList(result.entries).includes('a@retired.example.co.jp')).toBe(false);
    expect(flexConfirmMailIncludes(['*.example.co.jp', '-retired.example.co.jp'], 'a@retired.example.co.jp')).toBe(true);
  });

  it('reports an entry Preflight cannot read, with its line, and carries the rest', () => {
    const result = translate(['example.com', '', 'example.*']);
    expect(result.entries).toEqual(['@example.com']);
    expect(result.notes).toEqual([{ file: 'TrustedDomains.txt', line: 3, setting: 'example.*', reason: 'invalid-entry' }]);
  });
});
