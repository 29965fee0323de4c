import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../src/server/links/content-disposition.js';
import { readLinkEnvironment } from '../../../src/server/links/link-config.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import { escapeHtml, formatSize, renderLinkPage } from '../../../src/server/links/link-page.js';
import { composeCodeMail } from '../../../src/server/mail/code-mailer.js';

describe('contentDisposition', () => {
  it.each([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    ['見積書.xlsx', `attachment; filename="___.xlsx"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.xlsx`],
    ['a "quoted"; b\\c%.txt', `attachment; filename="a _quoted__ b_c_.txt"; filename*=UTF-8''a%20%22quoted%22%3B%20b%5Cc%25.txt`],
    ["it's (1).txt", `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`],
  ])('%s', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});

describe('renderLinkPage', () => {
  it('escapes every inserted value and shows only the notice when the link cannot be used', () => {
    const html = renderLinkPage({
      locale: 'en',
      token: '<x>',
      page: null,
      notice: { tone: 'error', text: '<b>no</b>' },
      limits: DEFAULT_LINK_LIMITS,
    });
    expect(html).toContain('<p class="notice error" role="alert">&lt;b&gt;no&lt;/b&gt;</p>');
    expect(html).toContain('href="/d/%3Cx%3E?lang=ja"');
    expect(html).not.toContain('<form');
    expect(escapeHtml(`'"&`)).toBe('&#39;&quot;&amp;');
  });

  it.each([
    [0, 'en', '0 B'],
    [1536, 'en', '1.5 KB'],
    [5 * 1024 * 1024, 'ja', '5 MB'],
  ] as const)('formats %i bytes (%s) as %s', (bytes, locale, text) => {
    expect(formatSize(bytes, locale)).toBe(text);
  });
});

describe('composeCodeMail', () => {
  it('writes the code, its lifetime and the recipient in the recipient language', () => {
    const mail = composeCodeMail({ to: 'hanako@partner.example', code: '123456', minutes: 10, locale: 'ja' });
    expect(mail.text).toContain('確認コードは 123456 です。');
    expect(mail.text).toContain('10 分以内');
  });

  // Lock screens and notification banners show the subject: the code would be readable without unlocking.
  it.each(['ja', 'en'] as const)('keeps the code out of the subject (%s), only in the body', (locale) => {
    const mail = composeCodeMail({ to: 'hanako@partner.example', code: '123456', minutes: 10, locale });
    expect(mail.subject).not.toMatch(/\d{6}/);
    expect(mail.subject).not.toBe('');
    expect(mail.text).toContain('123456');
  });
});

describe('readLinkEnvironment', () => {
  const read = (env: Record<string, string>) =>
    readLinkEnvironment(
      (name) => env[name],
      (name, fallback) => `/srv/${env[name] ?? fallback}`,
    );

  it('reads the relay, the keys and the bounds', () => {
    const result = read({
      PREFLIGHT_DATA: 'state',
      PREFLIGHT_KEKS: 'b:AAAA, a:BBBB',
      PREFLIGHT_KEK_ACTIVE: 'a',
      PREFLIGHT_SMTP_HOST: 'relay.example.co.jp',
      PREFLIGHT_SMTP_PORT: '465',
      PREFLIGHT_SMTP_USER: 'preflight',
      PREFLIGHT_SMTP_PASSWORD: 'pw',
      PREFLIGHT_SMTP_FROM: 'Preflight <no-reply@example.co.jp>',
      PREFLIGHT_LINK_MAX_EXPIRY_DAYS: '14',
      PREFLIGHT_LINK_MAX_FILE_MB: '10',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        dataDirectory: '/srv/state',
        blobLocation: { kind: 'file', root: '/srv/state/blobs' },
        keyring: { kind: 'inline', entries: ['b:AAAA', 'a:BBBB'], activeId: 'a' },
        smtp: {
          host: 'relay.example.co.jp',
          port: 465,
          secure: true,
          user: 'preflight',
          password: 'pw',
          from: 'Preflight <no-reply@example.co.jp>',
          rejectUnauthorized: true,
        },
        limits: { ...DEFAULT_LINK_LIMITS, maxExpiryDays: 14, maxFileBytes: 10 * 1024 * 1024 },
      },
    });
  });

  it('takes a PostgreSQL URL with shared keys', () => {
    const result = read({
      PREFLIGHT_KEKS: 'a:AAAA',
      PREFLIGHT_DATABASE_URL: 'postgresql://preflight:secret@db.internal:5432/preflight?sslmode=require',
    });
    expect(result.ok && result.config.databaseUrl).toBe('postgresql://preflight:secret@db.internal:5432/preflight?sslmode=require');
  });

  it('takes an Azure container with the connection string, and an S3 bucket with the AWS region', () => {
    const azure = read({ PREFLIGHT_BLOB_URL: 'azure://preflight-files', AZURE_STORAGE_CONNECTION_STRING: 'AccountName=a;AccountKey=b' });
    expect(azure.ok && azure.config.blobLocation).toEqual({
      kind: 'azure',
      connectionString: 'AccountName=a;AccountKey=b',
      container: 'preflight-files',
      prefix: '',
    });
    const s3 = read({ PREFLIGHT_BLOB_URL: 's3://preflight-files/links', AWS_REGION: 'ap-northeast-1' });
    expect(s3.ok && s3.config.blobLocation).toEqual({
      kind: 's3',
      bucket: 'preflight-files',
      prefix: 'links/',
      region: 'ap-northeast-1',
      forcePathStyle: false,
    });
  });

  it.each([
    [{ PREFLIGHT_BLOB_URL: 'azure://preflight-files' }, 'PREFLIGHT_BLOB_URL azure://… needs AZURE_STORAGE_CONNECTION_STRING'],
    [{ PREFLIGHT_KEKS: 'a:x', PREFLIGHT_KEK_FILE: 'k' }, 'not both'],
    [{ PREFLIGHT_KEKS: 'a:x', PREFLIGHT_DATABASE_URL: 'mysql://db/preflight' }, 'PREFLIGHT_DATABASE_URL must be a PostgreSQL URL'],
    [{ PREFLIGHT_DATABASE_URL: 'postgres://db/preflight' }, 'every instance sharing the database must have the same key-encryption keys'],
    [{ PREFLIGHT_SMTP_HOST: 'relay' }, 'PREFLIGHT_SMTP_FROM is needed'],
    [{ PREFLIGHT_SMTP_HOST: 'relay', PREFLIGHT_SMTP_FROM: 'a@b', PREFLIGHT_SMTP_USER: 'u' }, 'must be set together'],
    [{ PREFLIGHT_LINK_MAX_EXPIRY_DAYS: '31' }, 'PREFLIGHT_LINK_MAX_EXPIRY_DAYS must be a whole number from 1 to 30'],
    [{ PREFLIGHT_LINK_EXPIRY_DAYS: '3' }, 'PREFLIGHT_LINK_EXPIRY_DAYS is now the policy key attachments.protection.link.expiryDays'],
    [{ PREFLIGHT_LINK_MAX_DOWNLOADS: '3' }, 'PREFLIGHT_LINK_MAX_DOWNLOADS is now the policy key attachments.protection.link.maxDownloads'],
    [{ PREFLIGHT_LINK_REQUIRE_CODE: 'true' }, 'PREFLIGHT_LINK_REQUIRE_CODE is now the policy key attachments.protection.link.requireCode'],
    [{ PREFLIGHT_SMTP_HOST: 'relay', PREFLIGHT_SMTP_FROM: 'a@b', PREFLIGHT_SMTP_SECURE: 'maybe' }, 'must be true or false'],
  ])('refuses %j', (env, problem) => {
    const result = read(env);
    expect(!result.ok && result.problems.join('; ')).toContain(problem);
  });
});
