import { describe, expect, it } from 'vitest';
import { okanEntryOf } from '../../../src/cli/import/outlookokan/okan-entry.js';
import { outlookOkanIncludes, preflightList } from './recipient-membership.js';

describe('okanEntryOf (an OutlookOkan address or domain in Preflight syntax)', () => {
  it.each([
    ['example.co.jp', 'example.co.jp'],
    ['@example.co.jp', '@example.co.jp'],
    ['.example.co.jp', '*.example.co.jp'],
    [' Tanaka@Example.co.jp ', 'tanaka@example.co.jp'],
  ])('%s → %s', (written, expected) => {
    expect(okanEntryOf(written)).toBe(expected);
  });

  it.each(['', '@', '*@example.co.jp', 'not a domain'])('%j cannot be read', (written) => {
    expect(okanEntryOf(written)).toBeNull();
  });

  const written = ['example.co.jp', '@group.example', '.branch.example.net', 'ceo@partner.example'];
  const entries = written.map((entry) => okanEntryOf(entry) ?? '');
  it.each([
    'a@example.co.jp',
    'a@mail.example.co.jp',
    'a@group.example',
    'a@sub.group.example',
    'a@x.branch.example.net',
    'a@branch.example.net',
    'ceo@partner.example',
    'other@partner.example',
    'a@example.co.jp.evil.com',
  ])('%s is in the Preflight list exactly when OutlookOkan lists it', (address) => {
    expect(preflightList(entries).includes(address)).toBe(outlookOkanIncludes(written, address));
  });

  it('does not copy the text comparison that lists notexample.co.jp under example.co.jp', () => {
    expect(outlookOkanIncludes(written, 'a@notexample.co.jp')).toBe(true);
    expect(preflightList(entries).includes('a@notexample.co.jp')).toBe(false);
  });
});
