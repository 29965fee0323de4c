import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attachmentKey } from '../../src/policy/attachment-key.js';

const attachment = fc.record({
  name: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('a', 'a:1', 'a:1:2', ':', '1:', '見積書.xlsx')),
  size: fc.oneof(fc.nat(), fc.constantFrom(0, 1, 12, 2.5, -1, 1e21, Number.NaN)),
});

describe('attachmentKey', () => {
  test('is the name, a colon and the size, as finding and checklist ids have always held it', () => {
    expect(attachmentKey({ name: '見積書.xlsx', size: 18342 })).toBe('見積書.xlsx:18342');
  });

  test('gives two attachments one key only when name and size are both the same, colons in names or not', () => {
    expect(attachmentKey({ name: 'a:1', size: 2 })).not.toBe(attachmentKey({ name: 'a', size: 12 }));
    fc.assert(
      fc.property(attachment, attachment, (left, right) => {
        const same = left.name === right.name && (left.size === right.size || (Number.isNaN(left.size) && Number.isNaN(right.size)));
        expect(attachmentKey(left) === attachmentKey(right)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });
});
