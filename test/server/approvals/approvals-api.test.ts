// Supervisor approval against a real app on 127.0.0.1: who may decide, expiry, replays, the signed
// approval, the mail, and the content being gone after the purge.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyApproval, type ApprovalPublicJwk } from '../../../src/protocol/index.js';
import { approvalStoreOf } from './store-access.js';
import { DEV_TOKEN, ORIGIN, SENDER, mailText, startApprovalApp, type ApprovalApp } from './approval-app.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const FINGERPRINT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-12-01T09:00:00Z');

const CONTENT = {
  from: SENDER,
  to: ['hanako@partner.example'],
  cc: [],
  bcc: [],
  subject: '見積書の送付',
  textBody: 'SECRET-BODY-MARKER',
  attachments: [{ name: '見積書.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.4 quote').toString('base64') }],
};

function request(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fingerprint: FINGERPRINT,
    approvers: ['boss@example.co.jp'],
    expiresHours: 24,
    includeContent: true,
    summary: { rules: ['external-recipient'], outsideDomains: ['partner.example'], attachments: ['見積書.pdf'] },
    content: CONTENT,
    ...overrides,
  };
}

let harness: ApprovalApp;

beforeEach(async () => {
  // Only Date is faked: sockets and timers stay real, the server's clock (Date.now) moves with the test.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  harness = await startApprovalApp();
});

afterEach(async () => {
  await harness.close();
  vi.useRealTimers();
});

async function create(overrides: Record<string, unknown> = {}): Promise<{ id: string; expiresAt: string; mailed: boolean }> {
  const created = await harness.call('POST', '/api/approvals', DEV_TOKEN, request(overrides));
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json as { id: string; expiresAt: string; mailed: boolean };
}

async function publicKey(): Promise<ApprovalPublicJwk> {
  const answer = await harness.call('GET', '/api/approvals/public-key', DEV_TOKEN);
  return (answer.json as { key: ApprovalPublicJwk }).key;
}

describe('creating a request', () => {
  it('drops the sender from the approvers, mails each approver the link, and answers pending', async () => {
    const created = await create({ approvers: ['Boss@Example.co.jp', SENDER, 'deputy@example.co.jp'] });
    expect(created).toMatchObject({ mailed: true, expiresAt: new Date(START + 24 * HOUR).toISOString() });
    const read = await harness.call('GET', `/api/approvals/${created.id}`, DEV_TOKEN);
    expect(read.json).toMatchObject({
      status: 'pending',
      sender: SENDER,
      approvers: ['boss@example.co.jp', 'deputy@example.co.jp'],
      fingerprint: FINGERPRINT,
    });
    expect(harness.mails.map((mail) => mail.to).sort()).toEqual(['boss@example.co.jp', 'deputy@example.co.jp']);
    for (const mail of harness.mails) {
      const text = mailText(mail);
      expect(text).toContain(`${ORIGIN}/approve/${created.id}`);
      expect(text).toContain('承認');
      expect(text).toContain('approve');
      expect(text).not.toContain('SECRET-BODY-MARKER');
    }
  });

  it('refuses a request whose only approver is the sender, saying why', async () => {
    const refused = await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ approvers: [SENDER.toUpperCase()] }));
    expect(refused.status).toBe(400);
    expect((refused.json as { message: string }).message).toContain('other than yourself');
    expect((await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ approvers: [] }))).status).toBe(400);
    expect(harness.mails).toEqual([]);
  });

  it('refuses attachment names with hidden characters, in the content and in the summary, naming the field and code point', async () => {
    const spoofed = { ...CONTENT, attachments: [{ name: 'invoice\u202Efdp.exe', base64: 'QUJD' }] };
    const content = await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ content: spoofed }));
    expect([content.status, (content.json as { message: string }).message]).toEqual([
      400,
      'content.attachments[0].name contains U+202E RIGHT-TO-LEFT OVERRIDE',
    ]);
    const summary = await harness.call(
      'POST',
      '/api/approvals',
      DEV_TOKEN,
      request({ summary: { attachments: ['ok.pdf', 'a\u2066b.pdf'] } }),
    );
    expect([summary.status, (summary.json as { message: string }).message]).toEqual([
      400,
      'summary.attachments[1] contains U+2066 LEFT-TO-RIGHT ISOLATE',
    ]);
    expect(harness.mails).toEqual([]);
  });

  it('refuses an expiry outside 1 to 168 hours, no token, and a bad fingerprint', async () => {
    expect((await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ expiresHours: 0 }))).status).toBe(400);
    expect((await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ expiresHours: 169 }))).status).toBe(400);
    expect((await harness.call('POST', '/api/approvals', DEV_TOKEN, request({ fingerprint: 'not hex' }))).status).toBe(400);
    expect(
      (
        await fetch(`${harness.base}/api/approvals`, {
          method: 'POST',
          body: JSON.stringify(request()),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
  });

  it('finds the sender’s latest request for a fingerprint, and nobody else’s', async () => {
    await create();
    vi.setSystemTime(START + 1000);
    const second = await create();
    const found = await harness.call('GET', `/api/approvals?fingerprint=${FINGERPRINT.toUpperCase()}`, DEV_TOKEN);
    expect(found.status).toBe(200);
    expect((found.json as { id: string }).id).toBe(second.id);
    expect((await harness.call('GET', `/api/approvals?fingerprint=${FINGERPRINT}`, await harness.token('boss'))).status).toBe(404);
  });
});

describe('deciding', () => {
  it('refuses a user who is not listed and the sender, and lets only the sender and approvers read it', async () => {
    const { id } = await create();
    const stranger = await harness.token('stranger');
    expect((await harness.call('POST', `/api/approvals/${id}/decision`, stranger, { decision: 'approve' })).status).toBe(403);
    expect((await harness.call('GET', `/api/approvals/${id}`, stranger)).status).toBe(403);
    expect((await harness.call('GET', `/api/approvals/${id}/content`, stranger)).status).toBe(403);
    const bySender = await harness.call('POST', `/api/approvals/${id}/decision`, DEV_TOKEN, { decision: 'approve' });
    expect(bySender.status).toBe(403);
    expect((bySender.json as { reason: string }).reason).toBe('sender');
    expect((await harness.call('GET', `/api/approvals/${id}/content`, DEV_TOKEN)).status).toBe(403);
    expect((await harness.call('GET', `/api/approvals/${id}`, await harness.token('boss'))).status).toBe(200);
    expect((await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN)).json).toMatchObject({ status: 'pending' });
  });

  it('refuses a decision on an expired request (410), and reports it expired', async () => {
    const { id } = await create({ expiresHours: 1 });
    vi.setSystemTime(START + HOUR + 1);
    const late = await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('boss'), { decision: 'approve' });
    expect(late.status).toBe(410);
    expect((await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN)).json).toMatchObject({ status: 'expired', decidedBy: null });
    const content = await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'));
    expect([content.status, (content.json as { reason?: string }).reason]).toEqual([410, 'expired']);
  });

  it('refuses a replayed decision (409) and keeps the first', async () => {
    const { id } = await create({ approvers: ['boss@example.co.jp', 'deputy@example.co.jp'] });
    const boss = await harness.token('boss');
    const rejected = await harness.call('POST', `/api/approvals/${id}/decision`, boss, {
      decision: 'reject',
      comment: '宛先を確認してください',
    });
    expect(rejected.status).toBe(200);
    expect((await harness.call('POST', `/api/approvals/${id}/decision`, boss, { decision: 'reject' })).status).toBe(409);
    expect(
      (await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('deputy'), { decision: 'approve' })).status,
    ).toBe(409);
    const read = await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN);
    expect(read.json).toMatchObject({ status: 'rejected', decidedBy: 'boss@example.co.jp', comment: '宛先を確認してください' });
    expect(read.json).not.toHaveProperty('approval');
  });

  it('signs an approval that verifies for the same fingerprint and sender only, until the request expires', async () => {
    const { id, expiresAt } = await create();
    vi.setSystemTime(START + 2 * HOUR);
    const approved = await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('boss'), {
      decision: 'approve',
      comment: 'OK',
    });
    expect(approved.status).toBe(200);
    const read = await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN);
    expect(read.json).toMatchObject({ status: 'approved', decidedBy: 'boss@example.co.jp', comment: 'OK' });
    const token = (read.json as { approval: string }).approval;
    expect(token.split('.')).toHaveLength(3);
    const key = await publicKey();
    const now = START + 3 * HOUR;

    const good = await verifyApproval(token, key, { fingerprint: FINGERPRINT, sender: SENDER, nowMs: now });
    expect(good).toEqual({
      ok: true,
      claims: {
        fp: FINGERPRINT,
        sub: SENDER,
        approver: 'boss@example.co.jp',
        rid: id,
        iat: (START + 2 * HOUR) / 1000,
        exp: Date.parse(expiresAt) / 1000,
      },
    });
    expect(await verifyApproval(token, key, { fingerprint: 'ffff0000ffff0000', sender: SENDER, nowMs: now })).toEqual({
      ok: false,
      reason: 'fingerprint',
    });
    expect(await verifyApproval(token, key, { fingerprint: FINGERPRINT, sender: 'someone@example.co.jp', nowMs: now })).toEqual({
      ok: false,
      reason: 'sender',
    });
    expect(await verifyApproval(token, key, { fingerprint: FINGERPRINT, sender: SENDER, nowMs: Date.parse(expiresAt) })).toEqual({
      ok: false,
      reason: 'expired',
    });

    // The same claims signed with another key, under the server's key id.
    const forger = await generateKeyPair('ES256');
    const [, payload = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid ?? '' }).sign(forger.privateKey);
    expect(await verifyApproval(forged, key, { fingerprint: FINGERPRINT, sender: SENDER, nowMs: now })).toEqual({
      ok: false,
      reason: 'signature',
    });
    const otherKey = (await exportJWK(forger.publicKey)) as ApprovalPublicJwk;
    expect(await verifyApproval(token, otherKey, { fingerprint: FINGERPRINT, sender: SENDER, nowMs: now })).toEqual({
      ok: false,
      reason: 'signature',
    });
    // A flipped claim under the original signature.
    const tampered = [
      token.split('.')[0],
      Buffer.from(JSON.stringify({ ...claims, fp: 'ffff0000ffff0000' })).toString('base64url'),
      token.split('.')[2],
    ].join('.');
    expect(await verifyApproval(tampered, key, { fingerprint: 'ffff0000ffff0000', sender: SENDER, nowMs: now })).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(await verifyApproval('not.a.token', key, { fingerprint: FINGERPRINT, sender: SENDER, nowMs: now })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('content at rest', () => {
  it('serves the decrypted message and attachments to an approver, and nothing after decision + retention and the purge', async () => {
    const { id } = await create();
    const boss = await harness.token('boss');
    const content = await harness.call('GET', `/api/approvals/${id}/content`, boss);
    expect(content.status).toBe(200);
    expect(content.json).toMatchObject({
      subject: '見積書の送付',
      textBody: 'SECRET-BODY-MARKER',
      attachments: [{ index: 0, name: '見積書.pdf', size: 14 }],
    });
    const attachment = await harness.call('GET', `/api/approvals/${id}/attachments/0`, boss);
    expect(attachment.bytes.toString('utf8')).toBe('%PDF-1.4 quote');
    expect(attachment.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect((await harness.call('GET', `/api/approvals/${id}/attachments/1`, boss)).status).toBe(404);

    const store = approvalStoreOf(harness.app);
    const before = await store.meta.approvalById(id);
    expect(before?.wrappedKey).not.toBeNull();
    const blobDirectory = join(harness.dataDirectory, 'blobs', before?.blobId ?? 'missing');
    expect(existsSync(blobDirectory)).toBe(true);
    // Nothing of the message lies on disk in the clear.
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(blobDirectory, 'content')).includes(Buffer.from('SECRET-BODY-MARKER'))).toBe(false);

    vi.setSystemTime(START + HOUR);
    expect((await harness.call('POST', `/api/approvals/${id}/decision`, boss, { decision: 'approve' })).status).toBe(200);
    vi.setSystemTime(START + HOUR + 6 * DAY);
    expect(await harness.app.approvals?.purgeOnce()).toEqual({ shredded: 0, purged: 0 });
    expect((await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'))).status).toBe(200);

    vi.setSystemTime(START + HOUR + 7 * DAY);
    expect((await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'))).status).toBe(410);
    expect(await harness.app.approvals?.purgeOnce()).toEqual({ shredded: 1, purged: 1 });
    const after = await store.meta.approvalById(id);
    expect(after).toMatchObject({ status: 'approved', kekId: null, wrappedKey: null });
    expect(existsSync(blobDirectory)).toBe(false);
    expect((await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'))).status).toBe(410);
    // The decision and the signed approval outlive the content.
    expect((await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN)).json).toMatchObject({ status: 'approved', hasContent: false });
    expect(await harness.app.approvals?.purgeOnce()).toEqual({ shredded: 0, purged: 0 });
  });

  it('shreds a request left pending past its expiry and marks it expired', async () => {
    const { id } = await create({ expiresHours: 2 });
    vi.setSystemTime(START + 2 * HOUR);
    expect(await harness.app.approvals?.purgeOnce()).toEqual({ shredded: 1, purged: 1 });
    expect(await approvalStoreOf(harness.app).meta.approvalById(id)).toMatchObject({ status: 'expired', wrappedKey: null });
    const content = await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'));
    expect([content.status, (content.json as { reason?: string }).reason]).toEqual([410, 'expired']);
  });

  it('keeps no content when the sender does not include it', async () => {
    const { id } = await create({ includeContent: false });
    expect((await harness.call('GET', `/api/approvals/${id}`, DEV_TOKEN)).json).toMatchObject({ hasContent: false });
    expect((await harness.call('GET', `/api/approvals/${id}/content`, await harness.token('boss'))).status).toBe(404);
  });
});

describe('the approval key', () => {
  it('is served at /api/approvals/public-key and written into the boot line', async () => {
    const key = await publicKey();
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(key).not.toHaveProperty('d');
    const script = await (await fetch(`${harness.base}/launchevent.js`)).text();
    const boot = JSON.parse(/^var PREFLIGHT_BOOT = (.*);$/m.exec(script)?.[1] ?? 'null') as { approvalKey: ApprovalPublicJwk };
    expect(boot.approvalKey).toEqual(key);
  });
});

describe('the send handler lookup (no sign-in)', () => {
  const granted = (fingerprint: string, sender: string) =>
    fetch(`${harness.base}/api/approvals/granted?fingerprint=${fingerprint}&sender=${encodeURIComponent(sender)}`).then(
      async (response) => ({
        status: response.status,
        json: (await response.json()) as { approval?: string; reason?: string },
      }),
    );

  it('answers only an approved, unexpired request of that sender and fingerprint, with a token that verifies', async () => {
    const { id } = await create({ expiresHours: 2 });
    expect((await granted(FINGERPRINT, SENDER)).status).toBe(404);
    await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('boss'), { decision: 'approve' });
    const answer = await granted(FINGERPRINT.toUpperCase(), SENDER.toUpperCase());
    expect(answer.status).toBe(200);
    const check = await verifyApproval(answer.json.approval ?? '', await publicKey(), {
      fingerprint: FINGERPRINT,
      sender: SENDER,
      nowMs: Date.now(),
    });
    expect(check).toMatchObject({ ok: true, claims: { approver: 'boss@example.co.jp', rid: id } });
    expect((await granted(FINGERPRINT, 'someone.else@localhost')).status).toBe(404);
    expect((await granted('ffffffffffffffff', SENDER)).status).toBe(404);
    vi.setSystemTime(START + 2 * HOUR + 1);
    expect((await granted(FINGERPRINT, SENDER)).status).toBe(404);
  });

  it('never answers a rejected request, and refuses a malformed query', async () => {
    const { id } = await create();
    await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('boss'), { decision: 'reject', comment: 'no' });
    expect((await granted(FINGERPRINT, SENDER)).status).toBe(404);
    expect((await granted('not-hex', SENDER)).status).toBe(400);
    expect((await fetch(`${harness.base}/api/approvals/granted?fingerprint=${FINGERPRINT}`)).status).toBe(400);
    expect((await fetch(`${harness.base}/api/approvals/granted?sender=${encodeURIComponent(SENDER)}`)).status).toBe(400);
    expect((await fetch(`${harness.base}/api/approvals/granted`)).status).toBe(400);
  });

  it('is rate-limited per sender and fingerprint asked about, however the address is spaced or cased', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 32; attempt += 1) statuses.push((await granted(FINGERPRINT, SENDER)).status);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect((await granted(FINGERPRINT.toUpperCase(), ` ${SENDER.toUpperCase()} `)).status).toBe(429);
    expect((await granted(FINGERPRINT, 'other@localhost')).status).toBe(404);
  });

  it("cannot be used up for a sender's message by lookups of made-up fingerprints", async () => {
    const { id } = await create();
    await harness.call('POST', `/api/approvals/${id}/decision`, await harness.token('boss'), { decision: 'approve' });
    for (let attempt = 0; attempt < 31; attempt += 1) await granted(attempt.toString(16).padStart(16, '0'), SENDER);
    expect((await granted(FINGERPRINT, SENDER)).status).toBe(200);
  });
});
