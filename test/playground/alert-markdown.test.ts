import { describe, expect, it } from 'vitest';
import { parseAlertMarkdown, parseInline, type Inline } from '../../src/playground/alert-markdown.js';

const text = (value: string): Inline => ({ kind: 'text', text: value });

describe('parseInline', () => {
  it.each<[string, Inline[]]>([
    ['plain', [text('plain')]],
    ['**bold** rest', [{ kind: 'strong', children: [text('bold')] }, text(' rest')]],
    ['*it* and _it_', [{ kind: 'emphasis', children: [text('it')] }, text(' and '), { kind: 'emphasis', children: [text('it')] }]],
    ['**a *b* c**', [{ kind: 'strong', children: [text('a '), { kind: 'emphasis', children: [text('b')] }, text(' c')] }]],
    ['\\*not\\* \\_x\\_', [text('*not* _x_')]],
    ['a \\\\ b', [text('a \\ b')]],
    ['**open only', [text('**open only')]],
    ['see [docs](https://example.com/a)', [text('see '), { kind: 'link', href: 'https://example.com/a', children: [text('docs')] }]],
    ['[plain](http://example.com)', [text('[plain](http://example.com)')]],
    ['[js](javascript:alert(1))', [text('[js](javascript:alert(1))')]],
    ['taro\\_yamada@example.co.jp', [text('taro_yamada@example.co.jp')]],
  ])('%s', (source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });
});

describe('parseAlertMarkdown', () => {
  it('reads what the send handler writes: a bold title, \\r-ended bullets, a closing paragraph', () => {
    const source = '**Check this message**\n\n- External: 2\r- Attachments: 1\r\n\nSelect Review.';
    expect(parseAlertMarkdown(source)).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'strong', children: [text('Check this message')] }]] },
      { kind: 'bullets', items: [[text('External: 2')], [text('Attachments: 1')]] },
      { kind: 'paragraph', lines: [[text('Select Review.')]] },
    ]);
  });

  it('reads numbered items and keeps different list kinds apart', () => {
    expect(parseAlertMarkdown('1. one\r2. two\r* star\r')).toEqual([
      { kind: 'numbered', items: [[text('one')], [text('two')]] },
      { kind: 'bullets', items: [[text('star')]] },
    ]);
  });

  it('keeps single new lines as lines of one paragraph', () => {
    expect(parseAlertMarkdown('first\nsecond')).toEqual([{ kind: 'paragraph', lines: [[text('first')], [text('second')]] }]);
  });
});
