import { describe, expect, it } from 'vitest';
import { isSetSupported, type MailboxVersion } from '../../../src/playground/fake-office/requirements.js';

describe('isSetSupported', () => {
  it.each<[MailboxVersion, string, string | number | undefined, boolean]>([
    ['1.12', 'Mailbox', '1.12', true],
    ['1.12', 'Mailbox', '1.14', false],
    ['1.14', 'Mailbox', '1.14', true],
    ['1.14', 'Mailbox', '1.15', false],
    ['1.15', 'Mailbox', '1.1', true],
    ['1.15', 'Mailbox', '1.10', true],
    ['1.12', 'Mailbox', '1.2', true],
    ['1.15', 'Mailbox', '1.16', false],
    ['1.15', 'mailbox', '1.15', true],
    ['1.15', 'Mailbox', undefined, true],
    ['1.15', 'Mailbox', 1.1, true],
    ['1.15', 'Mailbox', 'latest', false],
    ['1.15', 'IdentityAPI', '1.3', false],
  ])('claiming %s: %s %s → %s', (claimed, name, version, expected) => {
    expect(isSetSupported(claimed, name, version)).toBe(expected);
  });
});
