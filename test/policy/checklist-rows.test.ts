import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recipientRows } from '../../src/policy/checklist-rows.js';
import { classifyRecipients, recipientKeyOf, type ClassifiedRecipient } from '../../src/policy/classify.js';
import type { Recipient, RecipientField } from '../../src/policy/types.js';
import { POLICY, message } from './fixtures.js';

// Addresses that normalise alike, differ only in case or spacing, have no usable domain, or are empty.
const ADDRESSES = [
  'taro@example.co.jp',
  'TARO@Example.CO.JP',
  '  taro@example.co.jp ',
  'taro@example.co.jp.',
  'hanako@partner.co.jp',
  'x@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ',
  'x@example.co.jp',
  'Sales Team',
  'sales team',
  'nobody@',
  '',
  '   ',
];
const FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

const recipient = fc.record({
  address: fc.constantFrom(...ADDRESSES),
  name: fc.constantFrom('A', 'B', 'Sales'),
}) as fc.Arbitrary<Recipient>;
const fields = fc.record({
  to: fc.array(recipient, { maxLength: 6 }),
  cc: fc.array(recipient, { maxLength: 6 }),
  bcc: fc.array(recipient, { maxLength: 6 }),
});
const target = fc.record({ field: fc.constantFrom(...FIELDS), address: fc.constantFrom(...ADDRESSES, 'other@elsewhere.jp') });

/** The row key as the checklist has always defined it. */
function rowKey(entry: ClassifiedRecipient): string {
  return entry.normalized ?? recipientKeyOf(entry.recipient.address);
}

describe('recipientRows', () => {
  test('puts a target on the row of the entries of its field whose key its address has, and nowhere else', () => {
    fc.assert(
      fc.property(fields, fc.array(target, { maxLength: 10 }), (recipients, targets) => {
        const entries = classifyRecipients(message(recipients), POLICY);
        const rows = recipientRows(entries);
        for (const left of entries)
          for (const right of entries)
            expect(rows.rowOf(left) === rows.rowOf(right)).toBe(left.field === right.field && rowKey(left) === rowKey(right));
        for (const { field, address } of targets) {
          const owners = entries.filter((entry) => entry.field === field && rowKey(entry) === recipientKeyOf(address));
          const row = rows.rowOfTarget(field, address);
          if (owners.length === 0) expect(row).toBeUndefined();
          else for (const owner of owners) expect(row).toBe(rows.rowOf(owner));
        }
      }),
      { numRuns: 500 },
    );
  });

  test('says a target names an entry exactly when its field and key are that entry’s identifying key', () => {
    fc.assert(
      fc.property(fields, fc.array(target, { maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 18 }), (recipients, targets, picks) => {
        const entries = classifyRecipients(message(recipients), POLICY);
        const named = entries.filter((_, index) => picks[index] === true);
        const keys = new Set(named.map((entry) => `${entry.field}:${entry.key}`));
        const names = recipientRows(entries).namesAny(named);
        for (const { field, address } of targets) expect(names(field, address)).toBe(keys.has(`${field}:${recipientKeyOf(address)}`));
      }),
      { numRuns: 500 },
    );
  });

  test('numbers a list once', () => {
    const entries = classifyRecipients(message({ to: [{ address: 'taro@example.co.jp' }] }), POLICY);
    expect(recipientRows(entries)).toBe(recipientRows(entries));
  });
});
