import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../src/policy/index.js';
import { installErrorHandlers } from '../../../src/server/error-handler.js';
import type { PublishedPolicy } from '../../../src/server/policy-file.js';
import { protectZipRoutes, type ProtectZipRouteOptions } from '../../../src/server/routes/protect-zip.js';
import { PASSWORD_ALPHABET } from '../../../src/server/zip/password.js';
import { logCapture, type LogRecord } from '../fixtures.js';
import { extractWithSevenZip, listWithSevenZip } from './seven-zip.js';
import { decorateTestAuth, TEST_TOKEN } from './test-auth.js';
import { policyFrom } from '../../policy/fixtures.js';

interface ZipResponse {
  readonly name: string;
  readonly size: number;
  readonly method: string;
  readonly password: string;
  readonly contentBase64: string;
  readonly entries: ReadonlyArray<{ readonly name: string; readonly size: number; readonly compression: string }>;
}

let app: FastifyInstance | undefined;
let logs: LogRecord[] = [];

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(options: ProtectZipRouteOptions = {}, policyDocument: unknown = { version: 1 }): Promise<FastifyInstance> {
  const capture = logCapture();
  logs = capture.records;
  app = Fastify({ logger: { level: 'trace', stream: capture.stream } });
  decorateTestAuth(app);
  app.decorate('preflight', {
    policy: () => ({ document: policyDocument, policy: policyFrom(policyDocument) }) as PublishedPolicy,
    reloadPolicy: () => Promise.reject(new Error('not in these tests')),
  });
  installErrorHandlers(app);
  await app.register(protectZipRoutes, options);
  await app.ready();
  return app;
}

function post(server: FastifyInstance, body: unknown, token: string | null = TEST_TOKEN) {
  return server.inject({
    method: 'POST',
    url: '/api/protect/zip',
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    payload: body as Record<string, unknown>,
  });
}

const files = (entries: ReadonlyArray<readonly [string, Buffer]>) =>
  entries.map(([name, content]) => ({ name, contentBase64: content.toString('base64') }));

const CSV = Buffer.from('氏名,メール\n山田 太郎,taro@example.co.jp\n'.repeat(2000));
const XLSX = randomBytes(20_000);

describe('POST /api/protect/zip', () => {
  it('returns one AES-256 ZIP that 7-Zip opens with the returned password, byte for byte, marked no-store', async () => {
    const server = await start();
    const response = await post(server, {
      files: files([
        ['見積書.xlsx', XLSX],
        ['顧客一覧.csv', CSV],
        ['空.txt', Buffer.alloc(0)],
      ]),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<ZipResponse>();
    const archive = Buffer.from(body.contentBase64, 'base64');
    expect([body.name, body.method, body.size]).toEqual(['attachments.zip', 'aes256', archive.length]);
    expect(body.entries).toEqual([
      { name: '見積書.xlsx', size: XLSX.length, compression: 'store' },
      { name: '顧客一覧.csv', size: CSV.length, compression: 'deflate' },
      { name: '空.txt', size: 0, compression: 'store' },
    ]);
    const { run, files: extracted } = await extractWithSevenZip(archive, body.password);
    expect(run.code).toBe(0);
    expect(extracted.get('見積書.xlsx')?.equals(XLSX)).toBe(true);
    expect(extracted.get('顧客一覧.csv')?.equals(CSV)).toBe(true);
    expect(extracted.get('空.txt')?.length).toBe(0);
    expect((await listWithSevenZip(archive)).map((entry) => entry.get('Method'))).toEqual([
      'AES-256 Store',
      'AES-256 Deflate',
      'AES-256 Store',
    ]);
    expect((await extractWithSevenZip(archive, `${body.password}x`)).run.code).not.toBe(0);
  });

  it('gives every ZIP its own random password of 20 unambiguous characters', async () => {
    const server = await start();
    const passwords = new Set<string>();
    for (let run = 0; run < 5; run += 1) {
      const body = (await post(server, { files: files([['a.txt', Buffer.from('a')]]) })).json<ZipResponse>();
      expect(body.password).toMatch(/^[2-9A-HJ-NP-Za-km-z]{20}$/);
      for (const character of body.password) expect(PASSWORD_ALPHABET).toContain(character);
      passwords.add(body.password);
    }
    expect(passwords.size).toBe(5);
  });

  it.each([
    ['見積書.xlsx', undefined, '見積書.zip'],
    ['README', undefined, 'README.zip'],
    ['a.txt,b.txt', undefined, 'attachments.zip'],
    ['a.txt,b.txt', '添付ファイル', '添付ファイル.zip'],
    ['a.txt', 'Quote.ZIP', 'Quote.ZIP'],
  ] as const)('names the ZIP of %s with archiveName %s: %s', async (names, archiveName, expected) => {
    const server = await start();
    const entries = names.split(',').map((name) => [name, CSV] as const);
    const response = await post(server, { files: files(entries), ...(archiveName === undefined ? {} : { archiveName }) });
    expect(response.json<ZipResponse>().name).toBe(expected);
  });

  it('renames duplicate attachment names so neither is lost', async () => {
    const server = await start();
    const body = (
      await post(server, {
        files: files([
          ['見積書.pdf', Buffer.from('1')],
          ['見積書.PDF', Buffer.from('2')],
        ]),
      })
    ).json<ZipResponse>();
    const { files: extracted } = await extractWithSevenZip(Buffer.from(body.contentBase64, 'base64'), body.password);
    expect(new Map([...extracted].map(([name, content]) => [name, content.toString()]))).toEqual(
      new Map([
        ['見積書.pdf', '1'],
        ['見積書 (2).PDF', '2'],
      ]),
    );
  });

  it('answers 401 without a valid bearer token and builds nothing', async () => {
    const server = await start();
    for (const token of [null, 'wrong']) {
      const response = await post(server, { files: files([['a.txt', CSV]]) }, token);
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('password');
    }
  });

  it.each([
    [{}, "body must have required property 'files'"],
    [{ files: [] }, 'body/files must NOT have fewer than 1 items'],
    [{ files: [{ name: 'a.txt' }] }, "body/files/0 must have required property 'contentBase64'"],
    [{ files: [{ name: 'a.txt', contentBase64: 'QUJD' }], method: 'rar' }, 'body/method must be equal to one of the allowed values'],
    [
      {
        files: [
          { name: 'a.txt', contentBase64: 'QUJD' },
          { name: 'b.txt', contentBase64: 'QU JD' },
        ],
      },
      'files[1].contentBase64 is not padded standard base64',
    ],
    [{ files: [{ name: 'a.txt', contentBase64: 'QUJ' }] }, 'files[0].contentBase64 is not padded standard base64'],
    [{ files: [{ name: '../evil.txt', contentBase64: 'QUJD' }] }, 'files[0].name contains a path separator'],
    [{ files: [{ name: 'a\u0000.txt', contentBase64: 'QUJD' }] }, 'files[0].name contains U+0000 (a control character)'],
    [
      {
        files: [
          { name: 'a.txt', contentBase64: 'QUJD' },
          { name: 'invoice\u202Efdp.exe', contentBase64: 'QUJD' },
        ],
      },
      'files[1].name contains U+202E RIGHT-TO-LEFT OVERRIDE',
    ],
    [{ files: [{ name: 'a\u2067.txt', contentBase64: 'QUJD' }] }, 'files[0].name contains U+2067 RIGHT-TO-LEFT ISOLATE'],
    [
      { files: [{ name: 'a.txt', contentBase64: 'QUJD' }], archiveName: 'x\u202Eqiz' },
      'archiveName contains U+202E RIGHT-TO-LEFT OVERRIDE',
    ],
    [{ files: [{ name: '   ', contentBase64: 'QUJD' }] }, 'files[0].name is empty'],
    [{ files: [{ name: 'a.txt', contentBase64: 'QUJD' }], archiveName: 'x/y' }, 'archiveName contains a path separator'],
  ])('answers 400 to %j saying what was wrong: %s', async (body, message) => {
    const server = await start();
    const response = await post(server, body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain(message);
  });

  it.each([
    ['{"files":[{"name":"a.txt","contentBase64":"QUJD","__proto__":{"x":1}}]}'],
    ['{"files":[{"name":"a.txt","contentBase64":"QUJD"}'],
  ])('answers 400 to the body %s (__proto__ or broken JSON)', async (payload) => {
    const server = await start();
    const response = await server.inject({
      method: 'POST',
      url: '/api/protect/zip',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('password');
  });

  it('answers 413 naming the limit when the request body is too large, and when the decoded files are', async () => {
    const server = await start({ zipMaxBytes: 3000, zipMaxFiles: 2 });
    const huge = await post(server, { files: files([['a.bin', randomBytes(20_000)]]) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ message: string }>().message).toBe(
      'The attachments exceed the 3000-byte limit for a protected ZIP; send them as a secure link instead',
    );
    const justOver = await post(server, {
      files: files([
        ['a.bin', randomBytes(1500)],
        ['b.bin', randomBytes(1501)],
      ]),
    });
    expect(justOver.statusCode).toBe(413);
    const justUnder = await post(server, {
      files: files([
        ['a.bin', randomBytes(1500)],
        ['b.bin', randomBytes(1500)],
      ]),
    });
    expect(justUnder.statusCode).toBe(200);
    const tooMany = await post(server, {
      files: files([
        ['a', CSV.subarray(0, 1)],
        ['b', CSV.subarray(0, 1)],
        ['c', CSV.subarray(0, 1)],
      ]),
    });
    expect([tooMany.statusCode, tooMany.json<{ message: string }>().message]).toEqual([400, 'body/files must NOT have more than 2 items']);
  });

  it('refuses ZipCrypto with 403 unless the policy allows it (attachments.protection.allowZipCrypto)', async () => {
    const request = { method: 'zipcrypto', files: files([['a.txt', CSV]]) };
    const refused = await post(await start(), request);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain('attachments.protection.allowZipCrypto');
    await app?.close();
    const forbiddenByPolicy = await post(await start({}, { attachments: { protection: { allowZipCrypto: false } } }), request);
    expect(forbiddenByPolicy.statusCode).toBe(403);
    await app?.close();
    const allowedByPolicy = await post(await start({}, { attachments: { protection: { allowZipCrypto: true } } }), request);
    expect(allowedByPolicy.statusCode).toBe(200);
  });

  it('answers 413 naming the policy key when the files exceed the policy ZIP size', async () => {
    const server = await start({}, { attachments: { protection: { zip: { maxTotalBytes: 2000 } } } });
    const over = await post(server, {
      files: files([
        ['a.bin', randomBytes(1000)],
        ['b.bin', randomBytes(1001)],
      ]),
    });
    expect(over.statusCode).toBe(413);
    expect(over.json<{ message: string }>().message).toContain('attachments.protection.zip.maxTotalBytes');
    const within = await post(server, {
      files: files([
        ['a.bin', randomBytes(1000)],
        ['b.bin', randomBytes(1000)],
      ]),
    });
    expect(within.statusCode).toBe(200);
  });

  it('makes a ZipCrypto ZIP that 7-Zip opens when the policy allows it', async () => {
    const server = await start({}, { attachments: { protection: { allowZipCrypto: true } } });
    const response = await post(server, {
      method: 'zipcrypto',
      files: files([
        ['見積書.xlsx', XLSX],
        ['顧客一覧.csv', CSV],
        ['空.txt', Buffer.alloc(0)],
      ]),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<ZipResponse>();
    expect(body.method).toBe('zipcrypto');
    const archive = Buffer.from(body.contentBase64, 'base64');
    const { run, files: extracted } = await extractWithSevenZip(archive, body.password);
    expect(run.code).toBe(0);
    expect(extracted.get('見積書.xlsx')?.equals(XLSX)).toBe(true);
    expect(extracted.get('顧客一覧.csv')?.equals(CSV)).toBe(true);
    expect(extracted.get('空.txt')?.length).toBe(0);
    const listed = await listWithSevenZip(archive);
    expect(listed.map((entry) => [entry.get('Path'), entry.get('Method')])).toEqual([
      ['見積書.xlsx', 'ZipCrypto Store'],
      ['顧客一覧.csv', 'ZipCrypto Deflate:Fastest'],
      ['空.txt', 'Store'],
    ]);
    expect((await extractWithSevenZip(archive, 'Wrong-password-23456')).run.code).not.toBe(0);
  });

  it('never writes the password or file content to the log, even at trace level', async () => {
    const server = await start();
    const marker = Buffer.from('社外秘-MARKER-42 '.repeat(200));
    const response = await post(server, { files: files([['secret.txt', marker]]) });
    const body = response.json<ZipResponse>();
    const logged = logs.map((record) => JSON.stringify(record)).join('\n');
    expect(logs.some((record) => record.msg === 'Protected attachments as a ZIP')).toBe(true);
    expect(logged).not.toContain(body.password);
    expect(logged).not.toContain('MARKER');
    expect(logged).not.toContain(marker.toString('base64').slice(0, 40));
    expect(logged).not.toContain(body.contentBase64.slice(0, 40));
  });
});
