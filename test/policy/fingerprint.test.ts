import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyRecipients } from '../../src/policy/classify.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { canonicalContent, fingerprintOf } from '../../src/policy/fingerprint.js';
import { sha256Hex } from '../../src/policy/sha256.js';
import type { AttachmentSnapshot, Finding, MessageSnapshot, Recipient } from '../../src/policy/types.js';
import { POLICY, message } from './fixtures.js';

/** The definition the text is written out from: JSON of every part, each list sorted. */
function definition(snapshot: MessageSnapshot, findingIds: readonly string[]): string {
  const sorted = (values: string[]) => values.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  return JSON.stringify([
    'preflight-confirmation/1',
    sorted(classifyRecipients(snapshot, POLICY).map((entry) => JSON.stringify([entry.field, entry.key]))),
    sorted(snapshot.attachments.map((attachment) => JSON.stringify([attachment.name, attachment.size, attachment.inline]))),
    sorted([...findingIds]),
  ]);
}

function findingsWith(ids: readonly string[]): Finding[] {
  return ids.map((id) => ({ id, rule: 'keyword', severity: 'confirm', targets: [], messageKey: 'finding.keyword.body', params: {} }));
}

// Plain addresses and awkward text: quotes, backslashes, control characters, lone and paired surrogates.
const text = fc.oneof(
  fc.constantFrom(
    'a@one.com',
    'B@Two.Example',
    'x@日本語.jp',
    '"q\\"x"@one.com',
    '"quoted"@one.com',
    'tab\there',
    '\uD800',
    '😀@one.com',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const recipient = fc
  .record({ address: text, name: fc.option(text, { nil: undefined }) })
  .map(({ address, name }): Recipient => (name === undefined ? { address } : { address, name }));
const attachment = fc.record({ name: text, size: fc.nat(), inline: fc.boolean() });
const content = fc.record({
  to: fc.array(recipient, { maxLength: 6 }),
  cc: fc.array(recipient, { maxLength: 6 }),
  bcc: fc.array(recipient, { maxLength: 6 }),
  attachments: fc.array(attachment, { maxLength: 4 }),
  findingIds: fc.array(text, { maxLength: 4 }),
});

describe('canonicalContent', () => {
  test('is the JSON of every part, each list sorted, for any recipients, attachments and finding ids', () => {
    fc.assert(
      fc.property(content, ({ findingIds, ...parts }) => {
        const snapshot = message(parts);
        const recipients = classifyRecipients(snapshot, POLICY);
        expect(canonicalContent(recipients, snapshot.attachments, findingsWith(findingIds))).toBe(definition(snapshot, findingIds));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fingerprintOf', () => {
  test('is the hash of the canonical text, for content seen before too', () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 12 }), (messages) => {
        // Twice through: the second pass meets content it has already fingerprinted.
        for (const { findingIds, ...parts } of [...messages, ...messages]) {
          const snapshot = message(parts);
          const recipients = classifyRecipients(snapshot, POLICY);
          const findings = findingsWith(findingIds);
          expect(fingerprintOf(recipients, snapshot.attachments, findings)).toBe(
            sha256Hex(canonicalContent(recipients, snapshot.attachments, findings)),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  test.each<[string, (attachments: AttachmentSnapshot[]) => AttachmentSnapshot[]]>([
    ['renamed', (list) => [{ ...list[0]!, name: 'b.txt' }]],
    ['resized', (list) => [{ ...list[0]!, size: 13 }]],
    ['made inline', (list) => [{ ...list[0]!, inline: true }]],
  ])('changes right after the same message with an attachment %s', (_name, change) => {
    const base = message({ to: [{ address: 'a@one.com' }], attachments: [{ name: 'a.txt', size: 12, inline: false }] });
    const changed = { ...base, attachments: change([...base.attachments]) };
    const fingerprint = (snapshot: MessageSnapshot) => fingerprintOf(classifyRecipients(snapshot, POLICY), snapshot.attachments, []);
    expect(fingerprint(base)).not.toBe(fingerprint(changed));
    expect(fingerprint(base)).toBe(sha256Hex(definition(base, [])));
  });

  // Approvals are signed over these values and kept by the server (docs/approval.md): they must not move.
  test.each<[string, MessageSnapshot, string]>([
    [
      'a plain message',
      message({
        to: [{ address: 'jiro@example.co.jp' }, { address: 'hanako@partner.co.jp' }],
        cc: [{ address: 'bob@one.com' }],
        attachments: [
          { name: '見積書.xlsx', size: 18342, inline: false },
          { name: 'memo.txt', size: 12, inline: false },
        ],
      }),
      '1df0a6323679c212e2c90d12eeec7596a2b1d910e12ef11ca924a7f6442717f9',
    ],
    [
      'awkward names and addresses',
      message({
        to: [{ address: '"a\\"b"@one.com' }, { address: '', name: 'Só \u0007' }, { address: 'not an address' }],
        bcc: [{ address: 'z@日本語.jp' }, { address: 'x@one.com' }],
        attachments: [
          { name: 'a:b "q" \\ \uD800.txt', size: 3, inline: false },
          { name: 'logo.png', size: 10, inline: true },
        ],
      }),
      'f1c91cf23e0464fd4fc4a0c4b846c4072efd3ae7c25c3d6a3d2cbd1f2ddb10c5',
    ],
  ])('keeps the value it had for %s', (_name, snapshot, expected) => {
    expect(evaluate(snapshot, POLICY, {}).fingerprint).toBe(expected);
  });
});
