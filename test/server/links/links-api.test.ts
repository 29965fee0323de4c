// The sender's API through inject: validation with field paths, ownership, the three-step upload.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { share, startHarness, type Harness } from './harness.js';

// Each test runs several HTTP round trips with synced SQLite commits; a busy machine needs more than 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ listen: false, limits: { maxFileBytes: 1000, maxPackageBytes: 1500 } });
});
afterAll(async () => {
  await harness.close();
});

const OWNER = { authorization: 'Bearer owner-token' };

function create(payload: unknown, headers: Record<string, string> = OWNER) {
  return harness.app.inject({ method: 'POST', url: '/api/links', headers, payload: payload as Record<string, unknown> });
}

const GOOD = { files: [{ name: 'a.pdf', size: 3 }], recipients: ['hanako@partner.example'] };

describe('POST /api/links', () => {
  it('needs a signed-in user', async () => {
    expect((await create(GOOD, {})).statusCode).toBe(401);
  });

  it.each([
    [{ ...GOOD, expiryDays: 31 }, 'body/expiryDays must be <= 30'],
    [{ ...GOOD, expiryDays: 0 }, 'body/expiryDays must be >= 1'],
    [{ ...GOOD, recipients: [] }, 'body/recipients must NOT have fewer than 1 items'],
    [{ ...GOOD, recipients: ['not an address'] }, 'recipients[0]: not a mail address'],
    [{ ...GOOD, files: [{ name: '../etc/passwd', size: 1 }] }, 'files[0].name: must be a file name'],
    [
      {
        ...GOOD,
        files: [
          { name: 'a', size: 1 },
          { name: 'a', size: 1 },
        ],
      },
      'files[1].name: "a" appears twice',
    ],
    [
      {
        ...GOOD,
        files: [
          { name: 'a.pdf', size: 1 },
          { name: 'invoice\u202Efdp.exe', size: 1 },
        ],
      },
      'files[1].name contains U+202E RIGHT-TO-LEFT OVERRIDE',
    ],
    [{ ...GOOD, files: [{ name: 'a\u200B.pdf', size: 1 }] }, 'files[0].name contains U+200B ZERO WIDTH SPACE'],
    [{ ...GOOD, files: [{ name: 'a\u0085.pdf', size: 1 }] }, 'files[0].name contains U+0085'],
    [{ ...GOOD, files: [{ name: 'big.bin', size: 1001 }] }, 'files[0].size: larger than'],
    [
      {
        ...GOOD,
        files: [
          { name: 'a', size: 800 },
          { name: 'b', size: 800 },
        ],
      },
      'files: together larger than',
    ],
    [{ ...GOOD, files: [{ name: 'a', size: 1, contentType: 'text' }] }, 'files[0].contentType: not a media type'],
    [{ ...GOOD, maxDownloads: 101 }, 'maxDownloads: must be from 1 to 100'],
  ])('refuses %j with 400 naming the field', async (payload, message) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message: string }).message).toContain(message);
  });

  it('refuses a __proto__ key', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/links',
      headers: { ...OWNER, 'content-type': 'application/json' },
      payload: '{"files":[{"name":"a","size":1}],"recipients":["a@b.example"],"__proto__":{"x":1}}',
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('upload and complete', () => {
  it('shows nothing until complete, checks the declared size, and returns one link per recipient', async () => {
    const created = await create({
      files: [
        { name: 'a.txt', size: 5 },
        { name: 'b.txt', size: 0 },
      ],
      recipients: ['A@Partner.example', 'b@partner.example', 'a@partner.example'],
    });
    expect(created.statusCode).toBe(201);
    const plan = created.json() as { id: string; expiresAt: string; files: { uploadPath: string }[] };
    expect(Date.parse(plan.expiresAt) - Date.parse('2026-11-22T09:00:00Z')).toBe(7 * 24 * 60 * 60 * 1000);
    const put = (path: string, payload: Buffer, headers: Record<string, string> = OWNER) =>
      harness.app.inject({ method: 'PUT', url: path, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload });
    const [first, second] = plan.files.map((file) => file.uploadPath) as [string, string];

    const early = await harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: OWNER });
    expect([early.statusCode, (early.json() as { message: string }).message]).toEqual([409, 'Upload these files first: a.txt, b.txt']);
    expect(
      (await harness.app.inject({ url: '/api/links/mine', headers: OWNER }).then((r) => r.json() as { links: { id: string }[] })).links.map(
        (l) => l.id,
      ),
    ).not.toContain(plan.id);

    expect((await put(first, Buffer.from('12345'), { authorization: 'Bearer other-token' })).statusCode).toBe(404);
    expect((await put(first, Buffer.from('123456'))).statusCode).toBe(413);
    const short = await put(first, Buffer.from('1234'));
    expect([short.statusCode, (short.json() as { message: string }).message]).toEqual([
      400,
      'a.txt: received 4 bytes, but 5 were declared; upload it again',
    ]);
    expect((await put(first, Buffer.from('12345'))).statusCode).toBe(200);
    expect((await put(first, Buffer.from('12345'))).statusCode).toBe(409);
    expect((await put(second, Buffer.alloc(0))).statusCode).toBe(200);

    const done = await harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: OWNER });
    expect(done.statusCode).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const links = (done.json() as { links: { recipient: string; url: string }[] }).links;
    expect(links.map((link) => link.recipient)).toEqual(['a@partner.example', 'b@partner.example']);
    for (const link of links) expect(link.url).toMatch(/^https:\/\/preflight\.example\.co\.jp\/d\/[A-Za-z0-9_-]{32}$/);
    expect((await put(first, Buffer.from('12345'))).statusCode).toBe(409);
  });

  it('answers a repeated complete with 409 complete and no links, and a stranger with 404', async () => {
    const shared = await share(harness.app, [{ name: 'again.txt', content: Buffer.from('x') }], { requireCode: false });
    const again = await harness.app.inject({ method: 'POST', url: `/api/links/${shared.id}/complete`, headers: OWNER });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ statusCode: 409, error: 'Conflict', reason: 'complete' });
    expect(again.json()).not.toHaveProperty('links');
    const stranger = await harness.app.inject({
      method: 'POST',
      url: `/api/links/${shared.id}/complete`,
      headers: { authorization: 'Bearer other-token' },
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('refuses an upload that is not application/octet-stream', async () => {
    const created = (await create({ files: [{ name: 'a.txt', size: 2 }], recipients: ['a@partner.example'] })).json() as {
      files: { uploadPath: string }[];
    };
    const response = await harness.app.inject({
      method: 'PUT',
      url: created.files[0]?.uploadPath ?? '',
      headers: { ...OWNER, 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(response.statusCode).toBe(415);
  });
});

describe('my links, admin list, revoke', () => {
  it('withdraws a package still uploading at once, its files and rows, as the pane asks when an upload fails', async () => {
    const created = await create({
      files: [
        { name: 'a.txt', size: 5 },
        { name: 'b.txt', size: 5 },
      ],
      recipients: ['hanako@partner.example'],
    });
    const plan = created.json() as { id: string; files: { uploadPath: string }[] };
    const put = await harness.app.inject({
      method: 'PUT',
      url: plan.files[0]?.uploadPath ?? '',
      headers: { ...OWNER, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('12345'),
    });
    expect(put.statusCode).toBe(200);
    expect(existsSync(join(harness.dataDirectory, 'blobs', plan.id))).toBe(true);
    const revoke = (token: string) =>
      harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/revoke`, headers: { authorization: `Bearer ${token}` } });
    expect((await revoke('other-token')).statusCode).toBe(404);
    const withdrawn = await revoke('owner-token');
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ id: plan.id, status: 'revoked' });
    expect(existsSync(join(harness.dataDirectory, 'blobs', plan.id))).toBe(false);
    const complete = await harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: OWNER });
    expect(complete.statusCode).toBe(404);
    expect((await revoke('owner-token')).statusCode).toBe(404);
    const audit = await harness.app.inject({ url: `/api/links/${plan.id}/audit`, headers: OWNER });
    expect(audit.statusCode).toBe(404);
  });

  it('lists only my own links to me, everyone to an admin, and lets an admin revoke', async () => {
    const mine = await share(harness.app, [{ name: 'm.txt', content: Buffer.from('m') }], { requireCode: false });
    const theirs = await share(harness.app, [{ name: 't.txt', content: Buffer.from('t') }], { requireCode: false, token: 'other-token' });
    const list = async (url: string, token: string) =>
      (
        (await harness.app.inject({ url, headers: { authorization: `Bearer ${token}` } })).json() as {
          links: { id: string; files: { name: string }[] }[];
        }
      ).links.map((link) => link.id);
    const own = await list('/api/links/mine', 'owner-token');
    expect(own).toContain(mine.id);
    expect(own).not.toContain(theirs.id);
    expect(await list('/api/admin/links', 'admin-token')).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await harness.app.inject({ url: '/api/admin/links', headers: OWNER })).statusCode).toBe(403);
    expect((await harness.app.inject({ method: 'POST', url: `/api/admin/links/${theirs.id}/revoke`, headers: OWNER })).statusCode).toBe(
      403,
    );
    const revoked = await harness.app.inject({
      method: 'POST',
      url: `/api/admin/links/${theirs.id}/revoke`,
      headers: { authorization: 'Bearer admin-token' },
    });
    expect(revoked.json()).toMatchObject({ id: theirs.id, status: 'revoked' });
    const audit = await harness.app.inject({ url: `/api/links/${theirs.id}/audit`, headers: { authorization: 'Bearer other-token' } });
    expect((audit.json() as { entries: { action: string; actor: string }[] }).entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['create', 'tenant:jiro'],
      ['revoke', 'tenant:admin'],
    ]);
  });
});
