// Secure links over HTTP on 127.0.0.1: the recipient's GET consumes nothing; codes come by mail from a
// local SMTP relay; downloads are POSTs that return the exact bytes or refuse with a reason.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEmbeddedStorage, type Storage } from '../../../src/server/storage/open-storage.js';
import { codeFrom, linkPath, share, startHarness, type Harness } from './harness.js';

// Each test runs several HTTP round trips with synced SQLite commits; a busy machine needs more than 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let harness: Harness;

beforeEach(async () => {
  harness = await startHarness();
});

afterEach(async () => {
  await harness.close();
});

const DAY = 24 * 60 * 60 * 1000;

function form(fields: Record<string, string>): { method: string; headers: Record<string, string>; body: string } {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    body: new URLSearchParams(fields).toString(),
  };
}

async function requestCode(path: string): Promise<string> {
  const before = harness.mails.length;
  const response = await fetch(`${harness.origin}${path}/otp`, form({ lang: 'en' }));
  expect(response.status).toBe(200);
  const mail = harness.mails[before];
  if (mail === undefined) throw new Error('no mail arrived');
  return codeFrom(mail);
}

function download(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${harness.origin}${path}/download`, form(fields));
}

async function mine(): Promise<{ id: string; status: string; recipients: { downloads: number; locked: boolean }[] }[]> {
  const response = await harness.app.inject({ url: '/api/links/mine', headers: { authorization: 'Bearer owner-token' } });
  return (response.json() as { links: { id: string; status: string; recipients: { downloads: number; locked: boolean }[] }[] }).links;
}

async function answeringLater(dataDirectory: string): Promise<Storage> {
  const storage = await openEmbeddedStorage(dataDirectory);
  const meta = new Proxy(storage.meta, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await Reflect.apply(value, target, args);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return result;
      };
    },
  });
  return { ...storage, meta };
}

function database(): Database.Database {
  return new Database(join(harness.dataDirectory, 'links.sqlite'), { readonly: true });
}

describe('GET /d/:token', () => {
  it('shows the landing page and consumes nothing, however often a scanner fetches it', async () => {
    const content = randomBytes(1000);
    const shared = await share(harness.app, [{ name: 'report.pdf', content }], { maxDownloads: 1 });
    const path = linkPath(shared.links[0]?.url ?? '');
    for (let fetchCount = 0; fetchCount < 3; fetchCount += 1) {
      const page = await fetch(`${harness.origin}${path}`, { headers: { 'accept-language': 'en-US' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await page.text();
      expect(html).toContain('report.pdf');
      expect(html).toContain('1 of 1 downloads left');
      expect(html).not.toMatch(/(src|href)="https?:/);
      expect(html).not.toContain('<script');
    }
    expect(harness.mails).toHaveLength(0);
    expect((await mine())[0]?.recipients[0]?.downloads).toBe(0);
    const code = await requestCode(path);
    const response = await download(path, { code, file: '0' });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
  });

  it('speaks Japanese to a Japanese browser and offers English', async () => {
    const shared = await share(harness.app, [{ name: '見積書.xlsx', content: Buffer.from('x') }]);
    const html = await (
      await fetch(`${harness.origin}${linkPath(shared.links[0]?.url ?? '')}`, { headers: { 'accept-language': 'ja-JP,ja;q=0.9' } })
    ).text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('共有されたファイル');
    expect(html).toContain('見積書.xlsx');
    expect(html).toContain('?lang=en');
  });

  it('answers an unknown or malformed token with the not-found page', async () => {
    for (const token of ['A'.repeat(32), 'short', '%3Cscript%3E']) {
      const response = await fetch(`${harness.origin}/d/${token}`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('This link does not exist');
      expect(html).not.toContain('<script>');
    }
  });
});

describe('POST /d/:token/download', () => {
  it('with the mailed code returns the exact bytes, a Japanese name in RFC 5987 form and no-store', async () => {
    const content = randomBytes(200 * 1024 + 17);
    const shared = await share(harness.app, [{ name: '見積書 2026年度.xlsx', content }]);
    const path = linkPath(shared.links[0]?.url ?? '');
    const code = await requestCode(path);
    expect(harness.mails[0]?.to).toBe('hanako@partner.example');
    const response = await download(path, { code, file: '0' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="___ 2026__.xlsx"; filename*=UTF-8''${encodeURIComponent('見積書 2026年度.xlsx')}`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
    expect((await mine())[0]?.recipients[0]?.downloads).toBe(1);
  });

  it('refuses without a code, and with a code that was never sent', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('secret') }]);
    const path = linkPath(shared.links[0]?.url ?? '');
    const missing = await download(path, { file: '0' });
    expect([missing.status, (await missing.text()).includes('Enter the one-time code')]).toEqual([403, true]);
    const unsent = await download(path, { file: '0', code: '123456' });
    expect([unsent.status, (await unsent.text()).includes('has expired or was never sent')]).toEqual([403, true]);
  });

  it('locks the link after five wrong codes, even for the right one', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('secret') }]);
    const path = linkPath(shared.links[0]?.url ?? '');
    const code = await requestCode(path);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    const pages: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await download(path, { code: wrong, file: '0' });
      statuses.push(response.status);
      pages.push(await response.text());
    }
    expect(statuses).toEqual([403, 403, 403, 403, 423]);
    expect(pages[0]).toContain('4 attempts left');
    expect(pages[4]).toContain('locked after too many wrong codes');
    const right = await download(path, { code, file: '0' });
    expect(right.status).toBe(423);
    expect(await right.text()).not.toContain('secret');
    expect((await mine())[0]?.recipients[0]).toMatchObject({ downloads: 0, locked: true });
    const again = await fetch(`${harness.origin}${path}/otp`, form({}));
    expect(again.status).toBe(423);
  });

  it('stops at the maximum number of downloads', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('once') }], { maxDownloads: 1, requireCode: false });
    const path = linkPath(shared.links[0]?.url ?? '');
    const noCode = await fetch(`${harness.origin}${path}/otp`, form({}));
    expect([noCode.status, (await noCode.text()).includes('needs no code'), harness.mails.length]).toEqual([409, true, 0]);
    expect((await download(path, { file: '0' })).status).toBe(200);
    const second = await download(path, { file: '0' });
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('downloaded as many times as the sender allowed');
  });

  it('refuses an expired link, and after the purge the key and the blobs are gone', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('old') }], { expiryDays: 1, requireCode: false });
    const path = linkPath(shared.links[0]?.url ?? '');
    expect(existsSync(join(harness.dataDirectory, 'blobs', shared.id))).toBe(true);
    harness.advance(DAY + 1);
    const page = await fetch(`${harness.origin}${path}`);
    expect([page.status, (await page.text()).includes('has expired')]).toEqual([410, true]);
    expect((await download(path, { file: '0' })).status).toBe(410);
    const report = await harness.app.secureLinks?.purgeOnce();
    expect(report).toMatchObject({ purged: 1 });
    const db = database();
    const row = db.prepare('SELECT wrapped_key, kek_id, shredded_at, purged_at FROM packages WHERE id = ?').get(shared.id) as Record<
      string,
      unknown
    >;
    db.close();
    expect(row).toMatchObject({ wrapped_key: null, kek_id: null });
    expect(row['shredded_at']).not.toBeNull();
    expect(row['purged_at']).not.toBeNull();
    expect(existsSync(join(harness.dataDirectory, 'blobs', shared.id))).toBe(false);
    expect((await mine())[0]?.status).toBe('expired');
  });

  it('refuses a revoked link at once; only the owner or an admin may revoke', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('gone') }], { requireCode: false });
    const path = linkPath(shared.links[0]?.url ?? '');
    const other = await harness.app.inject({
      method: 'POST',
      url: `/api/links/${shared.id}/revoke`,
      headers: { authorization: 'Bearer other-token' },
    });
    expect(other.statusCode).toBe(404);
    expect((await download(path, { file: '0' })).status).toBe(200);
    const revoked = await harness.app.inject({
      method: 'POST',
      url: `/api/links/${shared.id}/revoke`,
      headers: { authorization: 'Bearer owner-token' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    const refused = await download(path, { file: '0' });
    expect([refused.status, (await refused.text()).includes('withdrawn this link')]).toEqual([410, true]);
    expect((await fetch(`${harness.origin}${path}`)).status).toBe(410);
    expect(existsSync(join(harness.dataDirectory, 'blobs', shared.id))).toBe(false);
  });

  it('detects a flipped bit in a stored chunk and sends nothing of the file', async () => {
    const content = Buffer.alloc(3 * 64 * 1024, 0x41);
    const shared = await share(harness.app, [{ name: 'a.txt', content }], { requireCode: false });
    const path = linkPath(shared.links[0]?.url ?? '');
    const db = database();
    const fileId = (db.prepare('SELECT id FROM files WHERE package_id = ?').get(shared.id) as { id: string }).id;
    db.close();
    const blob = join(harness.dataDirectory, 'blobs', shared.id, fileId);
    const stored = readFileSync(blob);
    expect(stored.includes(Buffer.alloc(64, 0x41))).toBe(false);
    const position = 2 * (64 * 1024 + 16) + 100;
    stored.writeUInt8((stored.readUInt8(position) ^ 0x01) & 0xff, position);
    writeFileSync(blob, stored);
    const response = await download(path, { file: '0' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
    const body = await response.text();
    expect(body).toContain('failed its integrity check');
    expect(body).not.toContain('AAAA');
    expect((await mine())[0]?.recipients[0]?.downloads).toBe(0);
    const audit = await harness.app.inject({ url: `/api/links/${shared.id}/audit`, headers: { authorization: 'Bearer owner-token' } });
    expect((audit.json() as { entries: { action: string; result: string }[] }).entries.at(-1)).toMatchObject({
      action: 'download',
      result: 'integrity',
    });
  });

  it('audits every attempt with time, result, recipient, IP, user agent and bytes', async () => {
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('12345') }], { requireCode: false });
    const path = linkPath(shared.links[0]?.url ?? '');
    await fetch(`${harness.origin}${path}`, { headers: { 'user-agent': 'ScannerBot/1.0' } });
    const response = await fetch(`${harness.origin}${path}/download`, {
      ...form({ file: '0' }),
      headers: { ...form({}).headers, 'user-agent': 'Browser/2.0' },
    });
    await response.arrayBuffer();
    await download(path, { file: '7' });
    const audit = await harness.app.inject({ url: `/api/links/${shared.id}/audit`, headers: { authorization: 'Bearer admin-token' } });
    const entries = (audit.json() as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map((entry) => [entry['action'], entry['result']])).toEqual([
      ['create', 'ok'],
      ['view', 'ok'],
      ['download', 'ok'],
      ['download', 'bad-file'],
    ]);
    expect(entries[2]).toMatchObject({
      recipient: 'hanako@partner.example',
      file: 'a.txt',
      ip: '127.0.0.1',
      userAgent: 'Browser/2.0',
      bytes: 5,
    });
    expect(entries[1]).toMatchObject({ userAgent: 'ScannerBot/1.0', bytes: 0 });
    expect(typeof entries[2]?.['at']).toBe('string');
    const stranger = await harness.app.inject({ url: `/api/links/${shared.id}/audit`, headers: { authorization: 'Bearer other-token' } });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('logs', () => {
  it('never contain link tokens, one-time codes or file content', async () => {
    const marker = 'CONTENT-MARKER-7f3a9c';
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from(marker) }], {
      recipients: ['hanako@partner.example', 'ken@partner.example'],
    });
    const tokens = shared.links.map((link) => linkPath(link.url).slice('/d/'.length));
    const path = linkPath(shared.links[0]?.url ?? '');
    await fetch(`${harness.origin}${path}`);
    const code = await requestCode(path);
    await download(path, { code: code === '999999' ? '888888' : '999999', file: '0' });
    await (await download(path, { code, file: '0' })).arrayBuffer();
    await fetch(`${harness.origin}/d/${tokens[1]}/download`, form({ code: '12', file: '0' }));
    const text = harness.logs.map((record) => JSON.stringify(record)).join('\n');
    expect(harness.logs.length).toBeGreaterThan(0);
    for (const secret of [...tokens, code, marker, 'owner-token']) expect(text).not.toContain(secret);
  });
});

describe('on a database that answers after a round trip', () => {
  // A networked database (PostgreSQL) answers after a round trip, so requests interleave between their reads
  // and writes; the embedded SQLite answers at once and would hide the races these tests look for.
  it('mails one code when several are asked for at once', async () => {
    await harness.close();
    harness = await startHarness({ storage: answeringLater });
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('secret') }]);
    const path = linkPath(shared.links[0]?.url ?? '');
    const responses = await Promise.all(Array.from({ length: 6 }, () => fetch(`${harness.origin}${path}/otp`, form({ lang: 'en' }))));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 429, 429, 429, 429, 429]);
    expect(harness.mails).toHaveLength(1);
    const [mail] = harness.mails;
    if (mail === undefined) throw new Error('no mail arrived');
    expect((await download(path, { code: codeFrom(mail), file: '0' })).status).toBe(200);
  });

  it('compares no more codes sent at once than there are attempts, and a right code costs none', async () => {
    await harness.close();
    harness = await startHarness({ storage: answeringLater });
    const shared = await share(harness.app, [{ name: 'a.txt', content: Buffer.from('secret') }]);
    const path = linkPath(shared.links[0]?.url ?? '');
    const code = await requestCode(path);
    expect((await download(path, { code, file: '0' })).status).toBe(200);
    const wrong = code === '000000' ? '111111' : '000000';
    const responses = await Promise.all(Array.from({ length: 12 }, () => download(path, { code: wrong, file: '0' })));
    // Each is refused: a wrong code (403), the lock (423), or, after the lock dropped the code, a missing code (403).
    expect(responses.map((response) => response.status).filter((status) => status !== 403 && status !== 423)).toEqual([]);
    const db = database();
    const row = db.prepare('SELECT failed_codes, locked_at FROM recipients').get() as { failed_codes: number; locked_at: number | null };
    db.close();
    expect(row.failed_codes).toBe(5);
    expect(row.locked_at).not.toBeNull();
  });

  it('revokes a package whose complete races the withdraw the pane sends when complete seemed to fail', async () => {
    // The revoke may read packageById while the package is still uploading, and uploadingPackage once the
    // complete has committed: it must then revoke the complete package, not answer 404 and leave it live.
    await harness.close();
    harness = await startHarness({ storage: answeringLater, listen: false });
    const owner = { authorization: 'Bearer owner-token' };
    const outcomes: string[] = [];
    for (let offset = 0; offset <= 8; offset += 1) {
      const created = await harness.app.inject({
        method: 'POST',
        url: '/api/links',
        headers: owner,
        payload: { files: [{ name: 'a.txt', size: 5 }], recipients: ['hanako@partner.example'], requireCode: false },
      });
      const plan = created.json() as { id: string; files: { uploadPath: string }[] };
      const put = await harness.app.inject({
        method: 'PUT',
        url: plan.files[0]?.uploadPath ?? '',
        headers: { ...owner, 'content-type': 'application/octet-stream' },
        payload: Buffer.from('12345'),
      });
      expect(put.statusCode).toBe(200);
      const [complete, revoke] = await Promise.all([
        harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: owner }),
        new Promise((resolve) => setTimeout(resolve, offset)).then(() =>
          harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/revoke`, headers: owner }),
        ),
      ]);
      const listed = (await mine()).find((entry) => entry.id === plan.id);
      outcomes.push(
        `offset ${offset} ms: complete ${complete.statusCode}, revoke ${revoke.statusCode}, listed ${listed?.status ?? 'gone'}`,
      );
    }
    // Whichever request wins, the pane's revoke must leave nothing live: 200, and no active package.
    expect(outcomes.filter((line) => !/revoke 200, listed (revoked|gone)$/.test(line))).toEqual([]);
  });
});
