// The one check's two passes for supervisor approval: evaluate, ask the host for an approval of exactly
// this message, evaluate again with it (docs/approval.md).
import { describe, expect, it, vi } from 'vitest';
import { cachedOutcomes, runCheck, type CheckPorts, type StoredApproval } from '../../src/check/index.js';
import type { ApprovalGrant, MessageSnapshot } from '../../src/policy/index.js';

const POLICY = { version: 1, internalDomains: ['example.co.jp'], approval: { defaultApprovers: ['boss@example.co.jp'] } };
const OUTSIDE: MessageSnapshot = {
  from: { address: 'taro@example.co.jp' },
  to: [{ address: 'hanako@partner.co.jp' }],
  cc: [],
  bcc: [],
  subject: 'Quote',
  body: 'Hello',
  attachments: [],
};
const STORED: StoredApproval = { fingerprint: 'f'.repeat(64), token: 'a.b.c' };

function ports(snapshot: MessageSnapshot, findApproval?: CheckPorts['findApproval'], document: object = POLICY): CheckPorts {
  return {
    fetchPolicy: () => Promise.resolve(document),
    readItem: () =>
      Promise.resolve({
        snapshot,
        confirmedFingerprint: null,
        cachedPolicy: null,
        cachedInspections: [],
        protection: null,
        approval: STORED,
      }),
    embeddedPolicy: () => null,
    attachmentOutcomes: cachedOutcomes,
    ...(findApproval === undefined ? {} : { findApproval }),
  };
}

async function checked(port: CheckPorts) {
  const result = await runCheck(port);
  if (!result.ok) throw new Error(String(result.error));
  return result.check;
}

describe('runCheck with approval', () => {
  it('asks the host once, with the approval fingerprint and what the pane stored, and counts the approval', async () => {
    const find = vi.fn((_fingerprint: string, _stored: StoredApproval | null): Promise<ApprovalGrant | null> =>
      Promise.resolve({ approver: 'boss@example.co.jp' }),
    );
    const check = await checked(ports(OUTSIDE, find));
    expect(find).toHaveBeenCalledTimes(1);
    expect(find.mock.calls[0]).toEqual([check.approvalFingerprint, STORED]);
    expect(check.approvalFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(check.approval).toEqual({ approver: 'boss@example.co.jp' });
    expect(check.verdict.decision).toBe('confirm');
    expect(check.verdict.findings.find((finding) => finding.rule === 'approval-required')?.severity).toBe('info');
  });

  it('stays blocked when the host finds none, or its lookup fails', async () => {
    for (const find of [
      () => Promise.resolve(null),
      () => Promise.reject(new Error('offline')),
      () => {
        throw new Error('sync');
      },
    ]) {
      const check = await checked(ports(OUTSIDE, find));
      expect(check.approval).toBeNull();
      expect(check.verdict.decision).toBe('block');
      expect(check.approvalFingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('does not ask when the message needs no approval, and has no approval fingerprint', async () => {
    const find = vi.fn(() => Promise.resolve(null));
    const check = await checked(ports({ ...OUTSIDE, to: [{ address: 'jiro@example.co.jp' }] }, find));
    expect(find).not.toHaveBeenCalled();
    expect(check.approvalFingerprint).toBeNull();
    expect(check.verdict.decision).toBe('allow');
  });

  it('without a lookup (the CLI) approval always blocks', async () => {
    const check = await checked(ports(OUTSIDE));
    expect(check.verdict.decision).toBe('block');
  });
});
