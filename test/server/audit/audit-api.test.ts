// Audit events against a real app on 127.0.0.1 (docs/admin.md "Audit"): the pane's signed-in events, the
// handler's unverified claims, the admin query and exports, domains kept as the policy says, nothing of a
// message stored even when a client sends it, and the purge by retention.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEventInput } from '../../../src/protocol/index.js';
import { hashedDomain } from '../../../src/server/audit/audit-records.js';
import { GOOD_POLICY } from '../fixtures.js';
import { DEV_TOKEN, startApprovalApp, type ApprovalApp } from '../approvals/approval-app.js';

vi.setConfig({ testTimeout: 30_000 });

const CLIENT = { platform: 'OfficeOnline', mailbox: '1.15' };
const SEND: AuditEventInput = {
  kind: 'send',
  at: '2026-12-06T01:00:00.000Z',
  client: CLIENT,
  policy: '0123456789ab',
  decision: 'review',
  rules: { 'external-recipient': 2, 'personal-data': 1 },
  outsideDomains: ['Partner.Example', 'other.example'],
  durationMs: 84,
};

let harness: ApprovalApp | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(audit?: object): Promise<ApprovalApp> {
  harness = await startApprovalApp({ policy: { ...GOOD_POLICY, ...(audit === undefined ? {} : { audit }) } });
  return harness;
}

async function handlerPost(app: ApprovalApp, body: unknown): Promise<number> {
  const response = await fetch(`${app.base}/api/audit/handler-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('audit events', () => {
  it('keeps the pane’s events as the signed-in user’s and the handler’s as unverified claims, domains hashed by default', async () => {
    const app = await start();
    expect(
      (
        await app.call('POST', '/api/audit/events', DEV_TOKEN, {
          events: [SEND, { kind: 'confirm', at: SEND.at, client: CLIENT, decision: 'confirm', confirmSeconds: 12.5 }],
        })
      ).status,
    ).toBe(202);
    expect(await handlerPost(app, { mailbox: 'Taro@Example.co.jp', events: [{ ...SEND, decision: 'allow' }] })).toBe(202);
    const listed = await app.call('GET', '/api/admin/audit', DEV_TOKEN);
    expect(listed.status).toBe(200);
    const events = (listed.json as { events: Record<string, unknown>[] }).events;
    expect(events).toHaveLength(3);
    const handler = events.find((event) => event['verified'] === false);
    expect(handler).toMatchObject({
      user: 'taro@example.co.jp',
      decision: 'allow',
      kind: 'send',
      platform: 'OfficeOnline',
      mailbox: '1.15',
    });
    const pane = events.find((event) => event['verified'] === true && event['kind'] === 'send');
    expect(pane).toMatchObject({
      user: 'developer@localhost',
      decision: 'review',
      rules: { 'external-recipient': 2, 'personal-data': 1 },
      durationMs: 84,
    });
    const domains = pane?.['domains'] as string[];
    expect(domains).toHaveLength(2);
    expect(domains.every((domain) => /^[0-9a-f]{16}$/.test(domain))).toBe(true);
    expect(JSON.stringify(events)).not.toContain('partner.example');
    expect(events.find((event) => event['kind'] === 'confirm')).toMatchObject({ confirmSeconds: 12.5 });
  });

  it('keeps domains plain or not at all when the policy says so', async () => {
    const plain = await start({ domains: 'plain' });
    await plain.call('POST', '/api/audit/events', DEV_TOKEN, { events: [SEND] });
    expect(
      ((await plain.call('GET', '/api/admin/audit', DEV_TOKEN)).json as { events: { domains: string[] }[] }).events[0]?.domains,
    ).toEqual(['partner.example', 'other.example']);
    await plain.close();
    harness = undefined;
    const none = await start({ domains: 'none' });
    await none.call('POST', '/api/audit/events', DEV_TOKEN, { events: [SEND] });
    expect(
      ((await none.call('GET', '/api/admin/audit', DEV_TOKEN)).json as { events: { domains: string[] }[] }).events[0]?.domains,
    ).toEqual([]);
  });

  it('stores nothing of a message even when a client sends it, anywhere in the data directory', async () => {
    const app = await start({ domains: 'plain' });
    const leaked = {
      ...SEND,
      subject: 'SUBJECT-MARKER 見積',
      body: 'BODY-MARKER',
      attachments: ['FILE-MARKER.xlsx'],
      to: ['hanako@partner.example'],
      client: { ...CLIENT, user: 'ADDRESS-MARKER@x.example' },
    };
    expect((await app.call('POST', '/api/audit/events', DEV_TOKEN, { events: [leaked], note: 'BATCH-MARKER' })).status).toBe(202);
    await app.app.close();
    const stored = filesUnder(app.dataDirectory)
      .map((path) => readFileSync(path).toString('latin1'))
      .join('\n');
    for (const marker of ['SUBJECT-MARKER', 'BODY-MARKER', 'FILE-MARKER', 'hanako@partner.example', 'ADDRESS-MARKER', 'BATCH-MARKER'])
      expect(stored, marker).not.toContain(marker);
    expect(stored).toContain('partner.example');
  });

  it('refuses what is not an event: unknown kinds, bad domains, big batches, a handler batch without its mailbox', async () => {
    const app = await start();
    for (const events of [
      [{ ...SEND, kind: 'subject' }],
      [{ ...SEND, outsideDomains: ['a@b.example'] }],
      Array.from({ length: 51 }, () => SEND),
      [],
    ]) {
      expect((await app.call('POST', '/api/audit/events', DEV_TOKEN, { events })).status).toBe(400);
    }
    expect(await handlerPost(app, { events: [SEND] })).toBe(400);
    expect(await handlerPost(app, { mailbox: 'not an address', events: [SEND] })).toBe(400);
    expect((await app.call('POST', '/api/audit/events', 'not-a-token', { events: [SEND] })).status).toBe(401);
  });

  it('lets only administrators read, filters, and exports CSV and JSON Lines', async () => {
    const app = await start({ domains: 'plain' });
    const at = (day: number) => `2026-12-0${day}T09:00:00.000Z`;
    await app.call('POST', '/api/audit/events', DEV_TOKEN, {
      events: [
        { ...SEND, at: at(1), decision: 'block', rules: { 'lookalike-domain': 1 } },
        { ...SEND, at: at(2), decision: 'allow', rules: {} },
        { ...SEND, at: at(3), decision: 'review' },
      ],
    });
    expect((await app.call('GET', '/api/admin/audit', await app.token('someone'))).status).toBe(403);
    expect((await fetch(`${app.base}/api/admin/audit`)).status).toBe(401);
    const only = async (query: string) =>
      ((await app.call('GET', `/api/admin/audit?${query}`, DEV_TOKEN)).json as { events: { decision: string }[] }).events.map(
        (event) => event.decision,
      );
    expect(await only('decision=block')).toEqual(['block']);
    expect(await only('rule=lookalike-domain')).toEqual(['block']);
    expect(await only(`from=${at(2)}&to=${at(3)}`)).toEqual(['allow']);
    expect(await only('user=DEVELOPER@localhost')).toEqual(['review', 'allow', 'block']);
    expect((await app.call('GET', '/api/admin/audit?from=yesterday', DEV_TOKEN)).status).toBe(400);
    const csv = await app.call('GET', '/api/admin/audit?format=csv', DEV_TOKEN);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('at,user,verified,kind,platform,mailbox,policy,decision,rules,domains,durationMs,confirmSeconds');
    expect(lines[1]).toBe(
      '2026-12-03T09:00:00.000Z,developer@localhost,true,send,OfficeOnline,1.15,0123456789ab,review,external-recipient:2 personal-data:1,partner.example other.example,84,',
    );
    const jsonl = (await app.call('GET', '/api/admin/audit?format=jsonl&limit=2', DEV_TOKEN)).bytes.toString('utf8').trim().split('\n');
    expect(jsonl.map((line) => (JSON.parse(line) as { decision: string }).decision)).toEqual(['review', 'allow']);
  });

  it('purges events older than the policy’s retention', async () => {
    const app = await start({ retentionDays: 2 });
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString();
    await app.call('POST', '/api/audit/events', DEV_TOKEN, {
      events: [
        { ...SEND, at: old },
        { ...SEND, at: new Date().toISOString() },
      ],
    });
    await app.app.purgeAudit?.();
    expect(((await app.call('GET', '/api/admin/audit', DEV_TOKEN)).json as { events: unknown[] }).events).toHaveLength(1);
  });

  it('serves statistics to administrators, with the approvals the server recorded itself', async () => {
    const app = await start();
    await app.call('POST', '/api/audit/events', DEV_TOKEN, {
      events: [SEND, { ...SEND, decision: 'block', rules: { 'lookalike-domain': 1 } }],
    });
    const created = await app.call('POST', '/api/approvals', await app.token('sender'), {
      fingerprint: 'ab'.repeat(16),
      approvers: ['boss@example.co.jp'],
      expiresHours: 2,
      summary: { rules: ['external-recipient'] },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await app.call('POST', `/api/approvals/${id}/decision`, await app.token('boss'), { decision: 'approve' })).status).toBe(200);
    expect((await app.call('GET', '/api/admin/stats', await app.token('someone'))).status).toBe(403);
    const stats = await app.call('GET', '/api/admin/stats', DEV_TOKEN);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({
      events: 4,
      capped: false,
      topRules: [
        { key: 'external-recipient', count: 1 },
        { key: 'lookalike-domain', count: 1 },
        { key: 'personal-data', count: 1 },
      ],
      blocksPerRule: [{ key: 'lookalike-domain', count: 1 }],
      approvals: { requested: 1, approved: 1, rejected: 0 },
    });
    const decision = (
      (await app.call('GET', '/api/admin/audit?kind=approval-decision', DEV_TOKEN)).json as { events: Record<string, unknown>[] }
    ).events;
    expect(decision).toMatchObject([{ user: 'boss@example.co.jp', verified: true, decision: 'approved', platform: 'server', domains: [] }]);
  });

  it('hashes a domain the same way every time, case aside, and differently under another key', () => {
    const key = Buffer.alloc(32, 1);
    expect(hashedDomain(key, 'Partner.Example')).toBe(hashedDomain(key, 'partner.example'));
    expect(hashedDomain(Buffer.alloc(32, 2), 'partner.example')).not.toBe(hashedDomain(key, 'partner.example'));
  });
});
