import { describe, expect, it } from 'vitest';
import { childrenNamed, descendants, onlyChild, parseXml, XmlSyntaxError } from './xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, text and namespaces', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b" k=\'v\'>\n  <b:c x="1"/>text<d>in d</d>\n</a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.namespace).toBe('urn:a');
    expect(root.attributes.get('k')).toBe('v');
    expect(root.children.map((child) => [child.name, child.localName, child.namespace, child.line])).toEqual([
      ['b:c', 'c', 'urn:b', 4],
      ['d', 'd', 'urn:a', 4],
    ]);
    expect(onlyChild(root, 'd').text).toBe('in d');
    expect(root.text.trim()).toBe('text');
    expect([...descendants(root)].map((element) => element.localName)).toEqual(['a', 'c', 'd']);
  });

  it('gives a nested default namespace to its subtree only', () => {
    const root = parseXml('<r xmlns="urn:1"><v xmlns="urn:2"><w/></v><x/></r>');
    expect([...descendants(root)].map((element) => element.namespace)).toEqual(['urn:1', 'urn:2', 'urn:2', 'urn:1']);
  });

  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#26085;&#x672C;', '日本'],
    ['<![CDATA[<not a tag> & more]]>', '<not a tag> & more'],
    ['a<!-- hidden -->b', 'ab'],
  ])('decodes %s', (content, text) => {
    expect(parseXml(`<r>${content}</r>`).text).toBe(text);
  });

  it('decodes references in attribute values', () => {
    expect(parseXml('<r v="a&amp;b&#x3C;"/>').attributes.get('v')).toBe('a&b<');
  });

  it.each([
    ['', 'expected the root element'],
    ['<a><b></a>', '</a> closes <b>'],
    ['<a>', '<a> is not closed'],
    ['<a x="1" x="2"/>', 'duplicate attribute "x"'],
    ['<a x=1/>', 'expected a quoted attribute value'],
    ['<a x="<"/>', '"<" in an attribute value'],
    ['<a x="1"y="2"/>', 'expected a space before the attribute'],
    ['<a>&nbsp;</a>', 'unknown entity "&nbsp;"'],
    ['<a>&#xZZ;</a>', 'bad character reference'],
    ['<a/><b/>', 'content after the root element'],
    ['<p:a/>', 'undeclared namespace prefix "p"'],
    ['<!DOCTYPE a><a/>', 'DOCTYPE is not allowed'],
    ['<a><!-- a -- b --></a>', '"--" inside a comment'],
    ['<a><!-- open</a>', 'unterminated comment'],
  ])('rejects %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlSyntaxError);
    expect(() => parseXml(text)).toThrow(message);
  });

  it('reports the line and column of a mistake', () => {
    try {
      parseXml('<a>\n  <b>\n</a>');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(XmlSyntaxError);
      expect([(error as XmlSyntaxError).line, (error as XmlSyntaxError).column]).toEqual([3, 1]);
    }
  });

  it('onlyChild insists on exactly one', () => {
    const root = parseXml('<r><a/><a/><b/></r>');
    expect(childrenNamed(root, 'a')).toHaveLength(2);
    expect(onlyChild(root, 'b').name).toBe('b');
    expect(() => onlyChild(root, 'a')).toThrow('has 2 <a>');
    expect(() => onlyChild(root, 'c')).toThrow('has 0 <c>');
  });
});
