// The reader of the four recipient lists (internalDomains, trustedDomains, blockedRecipients,
// attentionRecipients): every entry form of docs/policy.md "Recipient lists", kept in its normal text.
import { readNormalizedList, type FieldReader } from './policy-fields.js';
import { readRecipientEntry, recipientEntryText } from './recipient-list/recipient-entry-syntax.js';
import type { PolicyProblem } from './types.js';

function normalEntry(written: string): string | null {
  const read = readRecipientEntry(written);
  if (!read.ok) return null;
  return 'entry' in read ? recipientEntryText(read.entry, read.exclude) : read.comment;
}

function invalidEntry(written: string): Omit<PolicyProblem, 'path'> {
  const read = readRecipientEntry(written);
  const value = JSON.stringify(written);
  switch (read.ok ? 'invalid' : read.fault) {
    case 'empty':
      return { message: 'must be a non-empty string', code: 'policy.expected-non-empty-string' };
    case 'empty-exclusion':
      return { message: 'an exclusion needs a domain, address or pattern after "-"', code: 'policy.empty-exclusion' };
    case 'last-label-wildcard':
      return {
        message: `not a valid entry: ${value} (no wildcard in the last label: "example.*" would match "example.co.jp.evil.com")`,
        code: 'policy.invalid-recipient-last-label',
        params: { value },
      };
    default:
      return {
        message: `not a valid entry: ${value} (write a domain, @domain, address, pattern with * or ?, "@", -exclusion or # comment)`,
        code: 'policy.invalid-recipient',
        params: { value },
      };
  }
}

export const readRecipientList: FieldReader<readonly string[]> = readNormalizedList(
  { one: 'a domain, address or pattern', many: 'domains, addresses or patterns' },
  normalEntry,
  invalidEntry,
);
