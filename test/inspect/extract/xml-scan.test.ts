import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanXml, XmlStreamScanner } from '../../../src/inspect/extract/xml-scan.js';

function events(xml: string): string[] {
  const seen: string[] = [];
  scanXml(xml, {
    open: (name, attributes, selfClosing) =>
      seen.push(`open ${name}${selfClosing ? '/' : ''}${attributes.trim() === '' ? '' : ` [${attributes.trim()}]`}`),
    close: (name) => seen.push(`close ${name}`),
    text: (text) => seen.push(`text ${text}`),
  });
  return seen;
}

describe('scanXml', () => {
  it.each<[string, string, string[]]>([
    ['prefixed names lose their prefix', '<w:p><w:t>a</w:t></w:p>', ['open p', 'open t', 'text a', 'close t', 'close p']],
    [
      'a colon earlier in the document does not leak into later names',
      '<r xmlns:x="u"><c>1</c></r>',
      ['open r [xmlns:x="u"]', 'open c', 'text 1', 'close c', 'close r'],
    ],
    ['self-closing with and without a blank', '<a/><b x="1" />', ['open a/', 'close a', 'open b/ [x="1"]', 'close b']],
    ['entities are decoded in text', '<t>A&amp;B &lt;C&gt;</t>', ['open t', 'text A&B <C>', 'close t']],
    ['CDATA is text as it is', '<t><![CDATA[<not a tag> &amp;]]></t>', ['open t', 'text <not a tag> &amp;', 'close t']],
    ['comments and declarations are skipped', '<?xml version="1.0"?><!-- <x> --><t>y</t>', ['open t', 'text y', 'close t']],
    ['truncated input stops without inventing a tag', '<t>abc</t><u', ['open t', 'text abc', 'close t']],
    ['an unclosed comment ends the scan', '<t>a</t><!-- never closed <x>', ['open t', 'text a', 'close t']],
  ])('%s', (_label, xml, expected) => {
    expect(events(xml)).toEqual(expected);
  });
});

describe('XmlStreamScanner', () => {
  function streamedEvents(pieces: readonly string[]): string[] {
    const seen: string[] = [];
    const texts: string[] = [];
    const flush = (): void => {
      if (texts.length > 0) seen.push(`text ${texts.splice(0).join('')}`);
    };
    const scanner = new XmlStreamScanner({
      open: (name, attributes, selfClosing) => {
        flush();
        seen.push(`open ${name}${selfClosing ? '/' : ''}${attributes.trim() === '' ? '' : ` [${attributes.trim()}]`}`);
      },
      close: (name) => {
        flush();
        seen.push(`close ${name}`);
      },
      text: (text) => texts.push(text),
    });
    for (const piece of pieces) scanner.push(piece);
    scanner.end();
    flush();
    return seen;
  }

  const DOCUMENT =
    '<?xml version="1.0"?><!-- a <comment> --><w:document xmlns:w="u"><w:p><w:t xml:space="preserve">A&amp;B 山田&#x592A;郎</w:t>' +
    '<w:br/><w:t><![CDATA[<raw> &amp;]]></w:t></w:p><c t="inlineStr"><is><t>個人番号</t></is></c></w:document>';

  it('sees what one scan of the whole document sees, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: DOCUMENT.length - 1 }), { maxLength: 12 }), (cuts) => {
        const sorted = [0, ...[...cuts].sort((left, right) => left - right), DOCUMENT.length];
        const pieces = sorted.slice(1).map((end, index) => DOCUMENT.slice(sorted[index], end));
        expect(streamedEvents(pieces)).toEqual(events(DOCUMENT));
      }),
    );
  });

  it('ends an unclosed comment as one whole scan does, however long it grows', () => {
    const pieces = ['<t>a</t><!-- never closed ', ...Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024)), '<x>'];
    expect(streamedEvents(pieces)).toEqual(['open t', 'text a', 'close t']);
  });
});
