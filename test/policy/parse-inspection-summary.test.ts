import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAttachmentInspection, parseInspectionSummary } from '../../src/policy/parse-inspection-summary.js';
import type { InspectionSummary } from '../../src/policy/types.js';
import { inspectedFile, tally } from './fixtures.js';

const SUMMARY: InspectionSummary = {
  subject: { personalData: [] },
  body: { personalData: [tally('email', 12, 1, ['body'])] },
  attachments: [
    inspectedFile('名簿.xlsx', 2048, { personalData: [tally('my-number', 2, 0, ['sheet:名簿'])] }),
    inspectedFile('a.zip', 10, { unread: [{ where: 'entry:b.zip', status: 'uninspectable', reason: 'depth' }] }),
    inspectedFile('b.zip', 11, { status: 'encrypted', reason: 'zip-encrypted' }),
    inspectedFile('c.pdf', 12, { status: 'pending' }),
  ],
};

function edited(change: (copy: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(SUMMARY)) as Record<string, any>;
  change(copy);
  return copy;
}

describe('parseInspectionSummary', () => {
  test('a summary read back from JSON is itself', () => {
    expect(parseInspectionSummary(JSON.parse(JSON.stringify(SUMMARY)))).toEqual(SUMMARY);
    expect(parseInspectionSummary({ attachments: [] })).toEqual({ attachments: [] });
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['no attachments', { body: { personalData: [] } }],
    [
      'an unknown top-level key',
      edited((copy) => {
        copy.extra = 1;
      }),
    ],
    [
      'an unknown kind',
      edited((copy) => {
        copy.body.personalData[0].kind = 'passport';
      }),
    ],
    [
      'a negative count',
      edited((copy) => {
        copy.body.personalData[0].high = -1;
      }),
    ],
    [
      'a fractional count',
      edited((copy) => {
        copy.body.personalData[0].low = 0.5;
      }),
    ],
    [
      'a sample that is not a string',
      edited((copy) => {
        copy.body.personalData[0].highSamples = [123456789018];
      }),
    ],
    [
      'a tally with an extra field',
      edited((copy) => {
        copy.body.personalData[0].value = 'x';
      }),
    ],
    [
      'a bad status',
      edited((copy) => {
        copy.attachments[0].status = 'ok';
      }),
    ],
    [
      'a missing size',
      edited((copy) => {
        delete copy.attachments[0].size;
      }),
    ],
    [
      'a bad unread member',
      edited((copy) => {
        copy.attachments[1].unread[0].status = 'pending';
      }),
    ],
    [
      'a subject that is not an object',
      edited((copy) => {
        copy.subject = 'x';
      }),
    ],
    [
      '__proto__ in an attachment',
      JSON.parse(
        '{"attachments": [{"__proto__": {}, "name": "a", "size": 1, "status": "pending", "reason": "", "unread": [], "personalData": []}]}',
      ),
    ],
  ])('refuses %s', (_name, value) => {
    expect(parseInspectionSummary(value)).toBeNull();
  });

  test('an attachment on its own', () => {
    expect(parseAttachmentInspection(JSON.parse(JSON.stringify(SUMMARY.attachments[0])))).toEqual(SUMMARY.attachments[0]);
    expect(parseAttachmentInspection({ name: 'x' })).toBeNull();
  });

  test('any JSON value gives a summary or null, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseInspectionSummary(value);
        expect(parsed === null || Array.isArray(parsed.attachments)).toBe(true);
      }),
    );
  });
});
