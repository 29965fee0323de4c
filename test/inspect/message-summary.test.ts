import { describe, expect, it } from 'vitest';
import { pendingInspection, summarizeMessage } from '../../src/inspect/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';

const XLSX: AttachmentInspection = {
  name: '顧客.xlsx',
  size: 2048,
  status: 'inspected',
  reason: '',
  unread: [],
  personalData: [{ kind: 'my-number', high: 1, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:顧客'] }],
};

const snapshot = (attachments: { name: string; size: number }[], body = '') => ({
  subject: '件名',
  body,
  attachments: attachments.map((attachment) => ({ ...attachment, inline: false })),
});

describe('summarizeMessage', () => {
  it('takes attachment outcomes by name and size and counts the rest as pending', () => {
    const summary = summarizeMessage(
      snapshot([
        { name: '顧客.xlsx', size: 2048 },
        { name: '顧客.xlsx', size: 999 },
      ]),
      [XLSX],
    );
    expect(summary.attachments).toEqual([XLSX, pendingInspection({ name: '顧客.xlsx', size: 999 }, 'not-inspected')]);
  });

  it('inspects subject and body, masked', () => {
    const summary = summarizeMessage(snapshot([], 'マイナンバー 1234 5678 9018 です'), []);
    expect(summary.body?.personalData[0]).toMatchObject({ kind: 'my-number', high: 1, highSamples: ['1234 **** 9018'] });
    expect(summary.subject?.personalData).toEqual([]);
  });

  it('reads the body only up to the cap, so every caller gets the same answer', () => {
    const body = `${'あ'.repeat(50)}マイナンバー 1234 5678 9018`;
    expect(summarizeMessage(snapshot([], body), [], { maxTextChars: 40 }).body?.personalData).toEqual([]);
    expect(summarizeMessage(snapshot([], body), [], { maxTextChars: 200 }).body?.personalData).toHaveLength(1);
  });

  it('pairs an outcome with its attachment even when the name holds colons', () => {
    const colons: AttachmentInspection = { ...XLSX, name: 'a:1', size: 2 };
    const summary = summarizeMessage(
      snapshot([
        { name: 'a', size: 12 },
        { name: 'a:1', size: 2 },
      ]),
      [colons],
    );
    expect(summary.attachments).toEqual([pendingInspection({ name: 'a', size: 12 }, 'not-inspected'), colons]);
  });
});
