// Supervisor approval at Send, run by the real handler with the real policy against the typed Office
// fake: the approval the pane stored is verified offline with the boot line's key; forged, expired and
// other messages' approvals are refused; without WebCrypto (classic Outlook) or without a stored approval
// the add-in's own server is asked (docs/approval.md).
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { SESSION_KEYS } from '../../src/office/index.js';
import type { ApprovalPublicJwk } from '../../src/protocol/index.js';
import { createLaunchEvent, createOfficeFake, recipient, type OfficeFakeOptions } from '../fakes/office-fake.js';
import { installOffice, uninstallOffice, useOfficePerTest } from '../fakes/office-per-test.js';

const NOW = Date.UTC(2026, 11, 6, 5, 0);
const ORIGIN = 'https://preflight.example.co.jp';
const SENDER = 'taro@example.co.jp';
const BOSS = 'boss@example.co.jp';
const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  severities: { 'external-recipient': 'info' },
  approval: { defaultApprovers: [BOSS] },
};
const MAIL = {
  to: [recipient('hanako@partner.co.jp')],
  subject: '見積書',
  body: '<p>お世話になっております。</p>',
  bodyType: 'html' as const,
};

let signingKey: CryptoKey;
let publicJwk: ApprovalPublicJwk;
let otherKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  signingKey = pair.privateKey;
  const jwk = await exportJWK(pair.publicKey);
  publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  otherKey = (await generateKeyPair('ES256')).privateKey;
});

useOfficePerTest({ fakeTimers: false });

/** The approval fingerprint the handler computes for MAIL: what it asks the server about. */
let mailFingerprint = '';

function fingerprintOf(): string {
  return mailFingerprint;
}

function sign(
  claims: Partial<Record<'fp' | 'sub' | 'approver' | 'rid', string>> & { exp?: number },
  key: CryptoKey = signingKey,
): Promise<string> {
  return new SignJWT({ fp: fingerprintOf(), sub: SENDER, approver: BOSS, rid: 'req-1', ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'preflight-approval+jwt' })
    .setIssuedAt(Math.floor(NOW / 1000) - 60)
    .setExpirationTime(claims.exp ?? Math.floor(NOW / 1000) + 3600)
    .sign(key);
}

interface SendSetup {
  readonly stored?: { requestId: string; fingerprint: string; token: string | null };
  readonly server?: (url: string) => Response | Promise<Response>;
  readonly office?: OfficeFakeOptions;
  readonly key?: ApprovalPublicJwk | null;
}

async function send(setup: SendSetup = {}) {
  const sessionData = new Map<string, string>();
  if (setup.stored !== undefined) sessionData.set(SESSION_KEYS.approval, JSON.stringify(setup.stored));
  const fake = createOfficeFake({ mailbox: '1.15', ...setup.office, mail: { ...MAIL, sessionData, ...setup.office?.mail } });
  installOffice(fake);
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url);
      if (url.endsWith('/api/policy')) return new Response(JSON.stringify(POLICY), { status: 200 });
      return setup.server === undefined ? new Response('{"reason":"not-found"}', { status: 404 }) : setup.server(url);
    }),
  );
  const { event, completions } = createLaunchEvent(() => 0);
  createSendHandler({
    boot: () => ({ origin: ORIGIN, policyDocument: POLICY, approvalKey: setup.key === undefined ? publicJwk : setup.key }),
    now: () => NOW,
  })(event);
  await vi.waitFor(() => expect(completions).toHaveLength(1), { timeout: 3_000 });
  return { options: completions[0]!.options ?? {}, requests: requests.filter((url) => url.includes('/api/approvals')), fake };
}

function stored(token: string | null, fingerprint = fingerprintOf()) {
  return { requestId: 'req-1', fingerprint, token };
}

describe('approval at Send', () => {
  beforeAll(async () => {
    const { requests } = await send();
    mailFingerprint = /fingerprint=([0-9a-f]{64})&/.exec(requests[0] ?? '')?.[1] ?? '';
    uninstallOffice();
    vi.unstubAllGlobals();
  });

  it('stops mail that needs approval with the review button and the approvers', async () => {
    const { options, requests } = await send();
    expect(options).toMatchObject({ allowEvent: false, commandId: 'msgComposeOpenPaneButton' });
    expect(options.errorMessage).toContain(BOSS);
    expect(options.errorMessage).toContain('Request approval');
    // No stored approval: the server is asked once, by fingerprint and the mailbox's own address.
    expect(mailFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(requests).toEqual([`${ORIGIN}/api/approvals/granted?fingerprint=${mailFingerprint}&sender=${encodeURIComponent(SENDER)}`]);
  });

  it('lets mail go with an approval the pane stored, verified offline without a network call', async () => {
    const { options, requests, fake } = await send({ stored: stored(await sign({})) });
    expect(options).toEqual({ allowEvent: true });
    expect(requests).toEqual([]);
    expect(fake.mail.internetHeaders.get('X-Preflight')).toMatch(/decision=allow/);
  });

  it.each([
    ['forged (another key)', () => sign({}, otherKey)],
    ['expired', () => sign({ exp: Math.floor(NOW / 1000) - 1 })],
    ['for another message', () => sign({ fp: 'ab'.repeat(32) })],
    ['for another sender', () => sign({ sub: 'jiro@example.co.jp' })],
    ['not a token', () => Promise.resolve('not.a.token')],
  ])('refuses an approval that is %s, without asking the server', async (_case, token) => {
    const { options, requests } = await send({ stored: stored(await token()) });
    expect(options).toMatchObject({ allowEvent: false });
    expect(requests).toEqual([]);
  });

  it('asks again when the message changed after the approval (the stored fingerprint is another)', async () => {
    const { options, requests } = await send({ stored: stored(await sign({}), 'cd'.repeat(32)) });
    expect(options).toMatchObject({ allowEvent: false });
    expect(requests).toHaveLength(1);
  });

  it('finds the approval on the server when sessionData lost it (a reopened draft), and verifies it', async () => {
    const token = await sign({});
    const { options } = await send({ server: () => new Response(JSON.stringify({ approval: token }), { status: 200 }) });
    expect(options).toEqual({ allowEvent: true });
    const forged = await sign({}, otherKey);
    const refused = await send({ server: () => new Response(JSON.stringify({ approval: forged }), { status: 200 }) });
    expect(refused.options).toMatchObject({ allowEvent: false });
  });

  it('without WebCrypto (classic Outlook) never trusts sessionData alone: it asks its own server', async () => {
    const token = await sign({});
    const otherMessageToken = await sign({ fp: 'ab'.repeat(32) });
    vi.stubGlobal('crypto', undefined);
    const fromServer = await send({
      stored: stored('forged.but.unverifiable'),
      server: () => new Response(JSON.stringify({ approval: token }), { status: 200 }),
    });
    expect(fromServer.options).toEqual({ allowEvent: true });
    expect(fromServer.requests).toHaveLength(1);
    const notOnServer = await send({ stored: stored(token) });
    expect(notOnServer.options).toMatchObject({ allowEvent: false });
    const otherMessage = await send({ server: () => new Response(JSON.stringify({ approval: otherMessageToken }), { status: 200 }) });
    expect(otherMessage.options).toMatchObject({ allowEvent: false });
  });

  it('stays stopped, and completes once, when the server fails or hangs', async () => {
    const failing = await send({ server: () => new Response('oops', { status: 500 }) });
    expect(failing.options).toMatchObject({ allowEvent: false, commandId: 'msgComposeOpenPaneButton' });
    const started = Date.now();
    const hanging = await send({ server: () => new Promise<Response>(() => undefined) });
    expect(hanging.options).toMatchObject({ allowEvent: false, commandId: 'msgComposeOpenPaneButton' });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('without the server key (not in secure-link mode) nothing counts as approved', async () => {
    const { options, requests } = await send({ stored: stored(await sign({})), key: null });
    expect(options).toMatchObject({ allowEvent: false });
    expect(requests).toEqual([]);
  });
});
