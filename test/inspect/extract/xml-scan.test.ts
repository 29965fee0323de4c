import { describe, expect, it } from 'vitest';
import { scanXml } from '../../../src/inspect/extract/xml-scan.js';

function events(xml: string): string[] {
  const seen: string[] = [];
  scanXml(xml, {
    open: (name, attributes, selfClosing) => seen.push(`open ${name}${selfClosing ? '/' : ''}${attributes.trim() === '' ? '' : ` [${attributes.trim()}]`}`),
    close: (name) => seen.push(`close ${name}`),
    text: (text) => seen.push(`text ${text}`),
  });
  return seen;
}

describe('scanXml', () => {
  it.each<[string, string, string[]]>([
    ['prefixed names lose their prefix', '<w:p><w:t>a</w:t></w:p>', ['open p', 'open t', 'text a', 'close t', 'close p']],
    ['a colon earlier in the document does not leak into later names', '<r xmlns:x="u"><c>1</c></r>', ['open r [xmlns:x="u"]', 'open c', 'text 1', 'close c', 'close r']],
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
