// What the pane uploads to ask for approval, and how its check finds an approval (docs/approval.md).
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { evaluate, parsePolicy, type ApprovalPolicy, type MessageSnapshot, type Policy } from '../../src/policy/index.js';
import type { ApprovalPublicJwk, ApprovalRequestView } from '../../src/protocol/index.js';
import { findApprovalInPane, type ApprovalPorts } from '../../src/taskpane/approval-ports.js';
import { approvalRequest } from '../../src/taskpane/approval-request.js';

function policyWith(approval: object): Policy & { approval: ApprovalPolicy } {
  const parsed = parsePolicy({
    version: 1,
    internalDomains: ['example.co.jp'],
    approval: { defaultApprovers: ['boss@example.co.jp'], ...approval },
  });
  if (!parsed.ok || parsed.policy.approval === null) throw new Error('bad policy');
  return parsed.policy as Policy & { approval: ApprovalPolicy };
}

const SNAPSHOT: MessageSnapshot = {
  from: { address: 'taro@example.co.jp' },
  to: [{ address: 'hanako@partner.co.jp' }, { address: 'jiro@example.co.jp' }],
  cc: [{ address: 'ken@other.example' }],
  bcc: [],
  subject: '見積書',
  body: 'text',
  attachments: [
    { id: 'a1', name: '見積書.pdf', size: 10, inline: false },
    { id: 'a2', name: 'logo.png', size: 5, inline: true },
  ],
};

describe('approvalRequest', () => {
  it('names the approvers, the summary and the message as Outlook has it', () => {
    const policy = policyWith({ expiresHours: 8 });
    const verdict = evaluate(SNAPSHOT, policy, {});
    const request = approvalRequest({
      policy,
      snapshot: SNAPSHOT,
      verdict,
      fingerprint: 'ab'.repeat(32),
      body: { kind: 'html', text: '<p>本文</p>' },
      attachments: [{ name: '見積書.pdf', base64: 'JVBERi0=' }],
    });
    expect(request).toEqual({
      fingerprint: 'ab'.repeat(32),
      approvers: ['boss@example.co.jp'],
      expiresHours: 8,
      includeContent: true,
      summary: {
        rules: ['external-recipient', 'attachment-to-external', 'unprotected-attachment'],
        outsideDomains: ['partner.co.jp', 'other.example'],
        attachments: ['見積書.pdf'],
      },
      content: {
        from: 'taro@example.co.jp',
        to: ['hanako@partner.co.jp', 'jiro@example.co.jp'],
        cc: ['ken@other.example'],
        bcc: [],
        subject: '見積書',
        htmlBody: '<p>本文</p>',
        attachments: [{ name: '見積書.pdf', base64: 'JVBERi0=' }],
      },
    });
  });

  it('sends the summary alone when the policy keeps content from the approver', () => {
    const policy = policyWith({ includeContent: false });
    const request = approvalRequest({
      policy,
      snapshot: SNAPSHOT,
      verdict: evaluate(SNAPSHOT, policy, {}),
      fingerprint: 'cd'.repeat(32),
      body: null,
      attachments: [],
    });
    expect(request.content).toBeUndefined();
    expect(request.includeContent).toBe(false);
  });
});

describe('findApprovalInPane', () => {
  const FINGERPRINT = 'ef'.repeat(32);

  async function setup() {
    const pair = await generateKeyPair('ES256');
    const jwk = await exportJWK(pair.publicKey);
    const key: ApprovalPublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
    const token = await new SignJWT({ fp: FINGERPRINT, sub: 'taro@example.co.jp', approver: 'boss@example.co.jp', rid: 'r1' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt(1000)
      .setExpirationTime(4_000_000_000)
      .sign(pair.privateKey);
    const view = (approval?: string): ApprovalRequestView => ({
      id: 'r1',
      status: approval === undefined ? 'pending' : 'approved',
      sender: 'taro@example.co.jp',
      approvers: ['boss@example.co.jp'],
      fingerprint: FINGERPRINT,
      summary: { rules: [], outsideDomains: [], attachments: [] },
      createdAt: '2026-12-06T00:00:00Z',
      expiresAt: '2026-12-07T00:00:00Z',
      decidedBy: null,
      decidedAt: null,
      comment: null,
      hasContent: true,
      ...(approval === undefined ? {} : { approval }),
    });
    const recorded = vi.fn(() => Promise.resolve());
    const ports = (answer: ApprovalRequestView | null): ApprovalPorts => ({
      readApprovalRecord: () => Promise.resolve({ requestId: 'r1', fingerprint: FINGERPRINT, token: null }),
      recordApproval: recorded,
      approvalKey: () => Promise.resolve(key),
      userAddress: () => 'taro@example.co.jp',
      requestApproval: () => Promise.reject(new Error('unused')),
      readApprovalRequest: () => Promise.resolve(answer ?? view()),
      latestApprovalRequest: () => Promise.resolve(answer),
      readMessageBody: () => Promise.reject(new Error('unused')),
      approvalPageUrl: (id) => id,
    });
    return { token, view, recorded, ports };
  }

  it('verifies what the item keeps without asking the server', async () => {
    const { token, recorded, ports } = await setup();
    const port = ports(null);
    const read = vi.spyOn(port, 'readApprovalRequest');
    expect(await findApprovalInPane(port, 2_000_000, FINGERPRINT, { fingerprint: FINGERPRINT, token })).toEqual({
      approver: 'boss@example.co.jp',
    });
    expect(read).not.toHaveBeenCalled();
    expect(recorded).not.toHaveBeenCalled();
  });

  it('takes a decision from the server, verifies it and keeps it on the item for the send handler', async () => {
    const { token, view, recorded, ports } = await setup();
    expect(await findApprovalInPane(ports(view(token)), 2_000_000, FINGERPRINT, null)).toEqual({ approver: 'boss@example.co.jp' });
    expect(recorded).toHaveBeenCalledWith({ requestId: 'r1', fingerprint: FINGERPRINT, token });
  });

  it('finds nothing while the request waits, or when the signature or content does not match', async () => {
    const { token, view, ports } = await setup();
    expect(await findApprovalInPane(ports(view()), 2_000_000, FINGERPRINT, null)).toBeNull();
    expect(await findApprovalInPane(ports(view(`${token.slice(0, -4)}AAAA`)), 2_000_000, FINGERPRINT, null)).toBeNull();
    expect(await findApprovalInPane(ports(view(token)), 2_000_000, '01'.repeat(32), null)).toBeNull();
  });
});
