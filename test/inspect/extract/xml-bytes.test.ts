import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/inspect/extract/markup.js';
import { attributeRange, scanXmlBytes, XmlByteStreamScanner, type XmlByteHandler } from '../../../src/inspect/extract/xml-bytes.js';
import { attributeValue, scanXml } from '../../../src/inspect/extract/xml-scan.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array, start: number, end: number): string => decoder.decode(bytes.subarray(start, end));

/** Events as scanXml's handler sees them; adjacent text joined, since a stream may split it. */
function stringEvents(xml: string): string[] {
  const seen: string[] = [];
  scanXml(xml, {
    open: (name, attributes, selfClosing) => seen.push(`open ${name}${selfClosing ? '/' : ''} [${attributes}]`),
    close: (name) => seen.push(`close ${name}`),
    text: (text) => seen.push(`text ${text}`),
  });
  return seen;
}

function byteHandler(seen: string[]): XmlByteHandler {
  return {
    open: (xml, start, end, attributesStart, attributesEnd, selfClosing) =>
      seen.push(`open ${decode(xml, start, end)}${selfClosing ? '/' : ''} [${decode(xml, attributesStart, attributesEnd)}]`),
    close: (xml, start, end) => seen.push(`close ${decode(xml, start, end)}`),
    text: (xml, start, end, cdata) => seen.push(`text ${cdata ? decode(xml, start, end) : decodeEntities(decode(xml, start, end))}`),
  };
}

function byteEvents(xml: string): string[] {
  const seen: string[] = [];
  scanXmlBytes(encode(xml), byteHandler(seen));
  return seen;
}

function joinTexts(events: readonly string[]): string[] {
  const joined: string[] = [];
  for (const event of events) {
    const last = joined[joined.length - 1];
    if (event.startsWith('text ') && last?.startsWith('text ')) joined[joined.length - 1] = last + event.slice(5);
    else joined.push(event);
  }
  return joined;
}

const PIECES = [
  '<',
  '>',
  '/',
  '!',
  '?',
  '-',
  '--',
  '[',
  ']',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  ':',
  '"',
  "'",
  ' ',
  '=',
  't',
  'c',
  'w:t',
  '&amp;',
  '&#x592A;',
  '&',
  'あ',
  '𠮷',
  'x',
  '\n',
];
const xmlish = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('scanXmlBytes', () => {
  it.each([
    '<w:p><w:t>a</w:t></w:p>',
    '<r xmlns:x="u"><c>1</c></r>',
    '<a/><b x="1" />',
    '<t>A&amp;B &lt;C&gt;</t>',
    '<t><![CDATA[<not a tag> &amp;]]></t>',
    '<?xml version="1.0"?><!-- <x> --><t>y</t>',
    '<t>abc</t><u',
    '<t>a</t><!-- never closed <x>',
    '<c r="A1" t="s"><v>山田&#x592A;郎</v></c>',
  ])('finds what scanXml finds in %s', (xml) => {
    expect(byteEvents(xml)).toEqual(stringEvents(xml));
  });

  it('finds what scanXml finds in any mix of markup characters', () => {
    fc.assert(
      fc.property(xmlish, (xml) => {
        expect(byteEvents(xml)).toEqual(stringEvents(xml));
      }),
    );
  });
});

describe('XmlByteStreamScanner', () => {
  function streamed(bytes: Uint8Array, cuts: readonly number[]): string[] {
    const seen: string[] = [];
    const scanner = new XmlByteStreamScanner(byteHandler(seen));
    const sorted = [0, ...[...cuts].sort((left, right) => left - right), bytes.length];
    for (let index = 1; index < sorted.length; index += 1) scanner.push(bytes.slice(sorted[index - 1], sorted[index]));
    scanner.end();
    return joinTexts(seen);
  }

  it('sees what one scan of the whole document sees, wherever the bytes are cut', () => {
    const document = encode(
      '<?xml version="1.0"?><!-- a <comment> --><w:document xmlns:w="u"><w:p><w:t xml:space="preserve">A&amp;B 山田&#x592A;郎</w:t>' +
        '<w:br/><w:t><![CDATA[<raw> &amp;]]></w:t></w:p><c t="inlineStr"><is><t>個人番号</t></is></c></w:document>',
    );
    const whole: string[] = [];
    scanXmlBytes(document, byteHandler(whole));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: document.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(streamed(document, cuts)).toEqual(joinTexts(whole));
      }),
    );
  });

  it('ends an unclosed comment as one whole scan does, however long it grows', () => {
    const seen: string[] = [];
    const scanner = new XmlByteStreamScanner(byteHandler(seen));
    scanner.push(encode('<t>a</t><!-- never closed '));
    for (let index = 0; index < 40; index += 1) scanner.push(encode('x'.repeat(64 * 1024)));
    scanner.push(encode('<x>'));
    scanner.end();
    expect(seen).toEqual(['open t []', 'text a', 'close t']);
  });

  it('does not keep the chunk it was given, so an inflater may reuse it', () => {
    const seen: string[] = [];
    const scanner = new XmlByteStreamScanner(byteHandler(seen));
    const chunk = encode('<t>ab</t><u x="');
    scanner.push(chunk);
    chunk.fill(0x20);
    scanner.push(encode('1">c</u>'));
    scanner.end();
    expect(joinTexts(seen)).toEqual(['open t []', 'text ab', 'close t', 'open u [ x="1"]', 'text c', 'close u']);
  });
});

describe('attributeRange', () => {
  it('finds the value attributeValue finds', () => {
    const attributes = fc.array(fc.constantFrom(' ', '\t', 't', 'st', '=', '"', "'", 's', 'inlineStr', 'r="A1"', 'あ'), { maxLength: 16 });
    fc.assert(
      fc.property(attributes, (pieces) => {
        const text = pieces.join('');
        const bytes = encode(`<c${text}>`);
        const range = attributeRange(bytes, 2, bytes.length - 1, 't');
        const found = range === null ? undefined : decodeEntities(decode(bytes, range[0], range[1]));
        expect(found).toBe(attributeValue(text, 't'));
      }),
    );
  });
});
