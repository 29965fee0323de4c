import { describe, expect, it } from 'vitest';
import unhomoglyph from 'unhomoglyph';
import confusableData from 'unhomoglyph/data.json' with { type: 'json' };
import { confusableSkeleton, looksLatin, skeleton } from '../../../src/policy/lookalike/skeleton.js';

describe('skeleton', () => {
  it.each([
    ['rnicrosoft', 'microsoft'],
    ['micros0ft', 'microsoft'],
    ['examp1e', 'example'],
    ['EXAMPLE', 'example'],
    ['exаmple', 'example'],
    ['аррӏе', 'apple'],
    ['АРРӀЕ', 'apple'],
    ['exámple', 'example'],
    ['ѕсһооӏ', 'school'],
  ])('%s looks like %s', (left, right) => {
    expect(skeleton(left)).toBe(skeleton(right));
  });

  it.each([
    ['sony', 'sonar'],
    ['partner', 'example'],
    ['exampie', 'example'],
    ['日本語', 'nihongo'],
  ])('%s does not look like %s', (left, right) => {
    expect(skeleton(left)).not.toBe(skeleton(right));
  });
});

describe('looksLatin', () => {
  it.each([
    ['аррӏе', true],
    ['ѕсһооӏ', true],
    ['ехаmple', true],
    ['日本語', false],
    ['шкаф', false],
    ['λόγος', false],
  ])('%s: %s', (text, latin) => {
    expect(looksLatin(text)).toBe(latin);
  });
});

describe('confusableSkeleton', () => {
  it('gives what the unhomoglyph package gives, for every confusable and some text', () => {
    const samples = [...Object.keys(confusableData as Record<string, string>), 'аррӏе.com', 'exаmple.co.jp', 'plain ascii', '日本語', ''];
    for (const sample of samples) expect(confusableSkeleton(sample)).toBe(unhomoglyph(sample));
  });
});
