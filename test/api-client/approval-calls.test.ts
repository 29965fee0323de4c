// The approver's page's calls against the real approvals API on 127.0.0.1, so parsers and routes cannot
// drift: read the request and the message, decide, and every refusal as an ApiError with the server's reason.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, decideApprovalRequest, readApprovalMessage, readApprovalRequest } from '../../src/api-client/index.js';
import { DEV_TOKEN, SENDER, startApprovalApp, type ApprovalApp } from '../server/approvals/approval-app.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const TIMEOUT = 10_000;
let harness: ApprovalApp;
let approverToken = '';

beforeAll(async () => {
  harness = await startApprovalApp({ smtp: false });
  approverToken = await harness.token('boss');
});

afterAll(async () => {
  await harness?.close();
});

async function create(content: Record<string, unknown>): Promise<string> {
  const created = await harness.call('POST', '/api/approvals', DEV_TOKEN, {
    fingerprint: 'a1b2c3d4e5f60718',
    approvers: ['boss@example.co.jp'],
    expiresHours: 4,
    summary: { rules: ['external-recipient'], outsideDomains: ['partner.example'], attachments: ['見積書.pdf'] },
    content: { from: SENDER, to: ['hanako@partner.example'], subject: '見積書', ...content },
  });
  expect(created.status).toBe(201);
  return (created.json as { id: string }).id;
}

async function refusal(call: Promise<unknown>): Promise<Pick<ApiError, 'code' | 'status' | 'reason'>> {
  const error = await call.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { code, status, reason } = error as ApiError;
  return { code, status, reason };
}

describe('approval calls', () => {
  it('reads the request and the message (HTML first, attachments listed with their size)', async () => {
    const id = await create({
      htmlBody: '<p>見積書を添付します</p>',
      textBody: 'plain',
      attachments: [{ name: '見積書.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.4').toString('base64') }],
    });
    const request = await readApprovalRequest(harness.base, approverToken, id, TIMEOUT);
    expect(request).toMatchObject({
      id,
      status: 'pending',
      sender: SENDER,
      approvers: ['boss@example.co.jp'],
      decidedBy: null,
      hasContent: true,
    });
    expect(request.summary).toEqual({ rules: ['external-recipient'], outsideDomains: ['partner.example'], attachments: ['見積書.pdf'] });
    const message = await readApprovalMessage(harness.base, approverToken, id, TIMEOUT);
    expect(message).toEqual({
      from: SENDER,
      to: ['hanako@partner.example'],
      cc: [],
      bcc: [],
      subject: '見積書',
      body: { kind: 'html', text: '<p>見積書を添付します</p>' },
      attachments: [{ index: 0, name: '見積書.pdf', contentType: 'application/pdf', size: 8 }],
    });
  });

  it('decides once; the sender, a second decision and an unknown id are refused with the server’s reason', async () => {
    const id = await create({ textBody: 'plain' });
    expect((await readApprovalMessage(harness.base, approverToken, id, TIMEOUT)).body).toEqual({ kind: 'text', text: 'plain' });
    expect(await refusal(decideApprovalRequest(harness.base, DEV_TOKEN, id, { decision: 'approve' }, TIMEOUT))).toEqual({
      code: 'http',
      status: 403,
      reason: 'sender',
    });
    expect(await refusal(readApprovalMessage(harness.base, DEV_TOKEN, id, TIMEOUT))).toEqual({
      code: 'http',
      status: 403,
      reason: 'not-approver',
    });
    const decided = await decideApprovalRequest(
      harness.base,
      approverToken,
      id,
      { decision: 'reject', comment: '宛先を確認してください' },
      TIMEOUT,
    );
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'boss@example.co.jp', comment: '宛先を確認してください' });
    expect(await refusal(decideApprovalRequest(harness.base, approverToken, id, { decision: 'approve' }, TIMEOUT))).toEqual({
      code: 'http',
      status: 409,
      reason: 'decided',
    });
    expect(await refusal(readApprovalRequest(harness.base, approverToken, 'AAAAAAAAAAAAAAAA', TIMEOUT))).toEqual({
      code: 'http',
      status: 404,
      reason: 'not-found',
    });
  });
});
