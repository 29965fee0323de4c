import { describe, expect, it } from 'vitest';
import { translateParts } from '../../src/i18n/translate.js';
import { addressPieces, textRuns } from '../../src/taskpane/address-lines.js';

describe('addressPieces', () => {
  it('cuts after @ and after each dot, never at a hyphen', () => {
    expect(addressPieces('very.long.name-with-hyphen@abc-shoji.co.jp')).toEqual([
      'very.',
      'long.',
      'name-with-hyphen@',
      'abc-shoji.',
      'co.',
      'jp',
    ]);
  });

  it('cuts after the spaces of a list and after an ideographic full stop', () => {
    expect(addressPieces('a.example, b-c.example')).toEqual(['a.', 'example, ', 'b-c.', 'example']);
    expect(addressPieces('例え。テスト')).toEqual(['例え。', 'テスト']);
  });

  it('keeps the pieces together as the address', () => {
    expect(addressPieces('x@y').join('')).toBe('x@y');
    expect(addressPieces('')).toEqual([]);
  });
});

describe('textRuns', () => {
  it('holds the angle brackets against the address, the space before them free', () => {
    const runs = textRuns(translateParts('en', 'pane.recipient.withName', { name: 'Hanako', address: 'h.s@abc-shoji.co.jp' }));
    expect(runs).toEqual([
      { kind: 'text', text: 'Hanako' },
      { kind: 'text', text: ' ' },
      { kind: 'address', pieces: ['<h.', 's@', 'abc-shoji.', 'co.', 'jp>'] },
    ]);
  });

  it('holds Japanese brackets and the full stop against a domain, and leaves other values as text', () => {
    const runs = textRuns(translateParts('ja', 'finding.external-recipient', { domain: 'abc-shoji.co.jp' }));
    expect(runs).toEqual([
      { kind: 'text', text: '社外の宛先です' },
      { kind: 'address', pieces: ['（abc-shoji.', 'co.', 'jp）。'] },
    ]);
    const label = textRuns(translateParts('en', 'pane.attachment.label', { name: 'a.b.xlsx', size: '1 KB' }));
    expect(label.every((run) => run.kind === 'text')).toBe(true);
  });
});

describe('translateParts', () => {
  it('gives the translated text in pieces, a missing value left as its placeholder', () => {
    const parts = translateParts('en', 'pane.group.domain', { domain: 'x.example' });
    expect(parts).toEqual([{ text: 'x.example', param: 'domain' }, { text: ' ({count})' }]);
  });
});
