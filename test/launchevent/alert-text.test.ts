import { describe, expect, it } from 'vitest';
import { ALERT_TEXT_LIMIT, escapeMarkdown, markdownAlert, plainAlert, truncate } from '../../src/launchevent/alert-text.js';

describe('truncate', () => {
  it.each([
    ['short text stays', 'abc', 5, 'abc'],
    ['exact fit stays', 'abcde', 5, 'abcde'],
    ['long text ends in an ellipsis', 'abcdef', 5, 'abcd…'],
    ['a surrogate pair is not split', 'abc😀def', 5, 'abc…'],
    ['Japanese counts per character', '確認してください', 5, '確認して…'],
  ])('%s', (_case, text, limit, expected) => {
    const result = truncate(text, limit);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(limit);
  });
});

describe('escapeMarkdown', () => {
  it('escapes what would start formatting or a link', () => {
    expect(escapeMarkdown('a_b*c [x](y) `z` #1 \\ ~ <t>')).toBe('a\\_b\\*c \\[x\\](y) \\`z\\` \\#1 \\\\ \\~ \\<t\\>');
  });
});

describe('alerts within 500 characters', () => {
  const long = (index: number) => `Recipient number ${index}: ${'very-long-name.'.repeat(8)}@partner.example`;
  const parts = {
    title: 'Preflight stopped this message:',
    lines: Array.from({ length: 30 }, (_, index) => long(index)),
    closing: 'Fix it.',
  };

  it('drops list lines, not the title or closing, to fit', () => {
    const text = plainAlert(parts);
    expect(text.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect(text.startsWith('Preflight stopped this message:\n')).toBe(true);
    expect(text.endsWith('\n…\nFix it.')).toBe(true);
    expect(text).toContain(long(0));
  });

  it('keeps every line when they fit', () => {
    expect(plainAlert({ title: 'T', lines: ['a', 'b'], closing: 'C' })).toBe('T\na\nb\nC');
  });

  it('renders Markdown with \\r-terminated list items and \\n\\n paragraphs, within the limit', () => {
    expect(markdownAlert({ title: 'T_1', lines: ['a*', 'b'], closing: 'C' })).toBe('**T\\_1**\n\n- a\\*\r- b\r\n\nC');
    const text = markdownAlert(parts);
    expect(text).not.toBeNull();
    expect(text!.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect(text).toContain('- …\r');
  });

  it('shortens one overlong line instead of dropping all of them', () => {
    const text = plainAlert({ title: 'T', lines: ['x'.repeat(1_000)], closing: 'C' });
    expect(text.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect(text).toMatch(/^T\nx+…\nC$/);
  });

  it('gives no Markdown, and a cut plain text, when even title and closing are too long', () => {
    const huge = { title: 'T'.repeat(400), lines: [], closing: 'C'.repeat(400) };
    expect(markdownAlert(huge)).toBeNull();
    const text = plainAlert(huge);
    expect(text).toHaveLength(ALERT_TEXT_LIMIT);
    expect(text.endsWith('…')).toBe(true);
  });
});
