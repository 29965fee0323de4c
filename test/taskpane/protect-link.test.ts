import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api-client/index.js';
import type { AttachmentSnapshot, MessageSnapshot, ProtectionState } from '../../src/policy/index.js';
import type { CreateLinksRequest } from '../../src/protocol/index.js';
import { linkRecipients, protectAsLinks, type LinkPorts, type LinkProgress } from '../../src/taskpane/protect-link.js';
import { SNAPSHOT } from './fixtures.js';

const XLSX: AttachmentSnapshot = { id: 'a1', name: '顧客.xlsx', size: 12, inline: false };
const PDF: AttachmentSnapshot = { id: 'a2', name: '仕様.pdf', size: 5, inline: false };
const LOGO: AttachmentSnapshot = { id: 'a3', name: 'logo.png', size: 100, inline: true };
const CONTENT: Record<string, string> = { a1: Buffer.from('0123456789ab').toString('base64'), a2: Buffer.from('hello').toString('base64') };
const MESSAGE: MessageSnapshot = {
  ...SNAPSHOT,
  to: [{ address: 'Hanako@Partner.co.jp', type: 'externalUser' }],
  cc: [{ address: 'bob@other.com', type: 'externalUser' }, { address: 'hanako@partner.co.jp' }],
  bcc: [],
  attachments: [XLSX, PDF, LOGO],
};
const CHOICE = {
  maxTotalBytes: 1_000,
  block: (links: { links: readonly { recipient: string; url: string }[] }) => ({
    html: `<p>${links.links.map((link) => link.url).join(' ')}</p>`,
    text: links.links.map((link) => `${link.recipient} ${link.url}`).join('\n'),
  }),
};

type Failing = 'read' | 'create' | 'upload' | 'complete' | 'body' | 'record' | 'remove' | 'wrongFiles';

function fakePorts(fail: Partial<Record<Failing, boolean>> = {}) {
  const log: string[] = [];
  const uploaded = new Map<string, string>();
  let attachments = [...MESSAGE.attachments];
  let body = 'Dear Hanako,';
  let protection: ProtectionState = { zips: [], links: [] };
  let created: CreateLinksRequest | undefined;
  const ports: LinkPorts = {
    readAttachmentBase64: (id) => {
      if (fail.read === true && id === 'a2') return Promise.reject(new Error('ItemNotFound'));
      return Promise.resolve({ kind: 'base64', content: CONTENT[id] ?? '' });
    },
    createLinks: (request) => {
      created = request;
      log.push(`create ${request.files.map((file) => `${file.name}:${file.size}`).join('+')} for ${request.recipients.join(',')}`);
      if (fail.create === true) return Promise.reject(new Error('HTTP 409: no mail relay'));
      const files = request.files.map((file, index) => ({
        id: `f${index}`,
        name: file.name,
        size: fail.wrongFiles === true ? file.size + 1 : file.size,
        uploadPath: `/api/links/p1/files/f${index}`,
      }));
      return Promise.resolve({ id: 'p1', expiresAt: '2026-11-29T09:00:00.000Z', files });
    },
    uploadLinkFile: (path, bytes, onProgress) => {
      log.push(`upload ${path}`);
      onProgress(Math.floor(bytes.length / 2));
      if (fail.upload === true && path.endsWith('f1')) return Promise.reject(new ApiError('http', 'too large', 413));
      onProgress(bytes.length);
      uploaded.set(path, Buffer.from(bytes).toString('utf8'));
      return Promise.resolve();
    },
    completeLinks: (id) => {
      log.push(`complete ${id}`);
      if (fail.complete === true) return Promise.reject(new ApiError('http', 'not every file', 409, 'files-missing'));
      const links = (created?.recipients ?? []).map((recipient, index) => ({
        recipient,
        url: `https://preflight.example/d/token${index}`,
      }));
      return Promise.resolve({ id, expiresAt: '2026-11-29T09:00:00.000Z', links });
    },
    revokeLinks: (id) => {
      log.push(`revoke ${id}`);
      return Promise.resolve();
    },
    prependBodyBlock: (block) => {
      log.push('body');
      if (fail.body === true) return Promise.reject(new Error('InvalidFormatError'));
      body = `${block.text}\n${body}`;
      return Promise.resolve('text');
    },
    recordProtection: (update) => {
      log.push('record');
      if (fail.record === true) return Promise.reject(new Error('sessionData full'));
      protection = update(protection);
      return Promise.resolve(protection);
    },
    removeAttachment: (id) => {
      log.push(`remove ${id}`);
      if (fail.remove === true && id === 'a2') return Promise.reject(new Error('busy'));
      attachments = attachments.filter((attachment) => attachment.id !== id);
      return Promise.resolve();
    },
  };
  return { ports, log, uploaded, body: () => body, attachments: () => attachments, protection: () => protection };
}

const ORIGINALS = ['顧客.xlsx', '仕様.pdf', 'logo.png'];
const names = (list: readonly AttachmentSnapshot[]) => list.map((attachment) => attachment.name);

describe('protectAsLinks', () => {
  it('uploads every file, puts one link per To/Cc recipient in the body, records the package, then removes the files', async () => {
    const fake = fakePorts();
    const progress: LinkProgress[] = [];
    const outcome = await protectAsLinks(fake.ports, MESSAGE, CHOICE, (step) => progress.push(step));
    expect(outcome).toMatchObject({
      ok: true,
      files: [
        { name: '顧客.xlsx', size: 12 },
        { name: '仕様.pdf', size: 5 },
      ],
    });
    expect(fake.log).toEqual([
      'create 顧客.xlsx:12+仕様.pdf:5 for hanako@partner.co.jp,bob@other.com',
      'upload /api/links/p1/files/f0',
      'upload /api/links/p1/files/f1',
      'complete p1',
      'body',
      'record',
      'remove a1',
      'remove a2',
    ]);
    expect(fake.uploaded.get('/api/links/p1/files/f0')).toBe('0123456789ab');
    expect(fake.uploaded.get('/api/links/p1/files/f1')).toBe('hello');
    expect(fake.body()).toBe(
      'hanako@partner.co.jp https://preflight.example/d/token0\nbob@other.com https://preflight.example/d/token1\nDear Hanako,',
    );
    expect(names(fake.attachments())).toEqual(['logo.png']);
    expect(fake.protection().links).toEqual([{ packageId: 'p1', files: 2 }]);
  });

  it('reports upload progress over all files together, never going back, ending at the total', async () => {
    const fake = fakePorts();
    const sent: number[] = [];
    await protectAsLinks(fake.ports, MESSAGE, CHOICE, (step) => {
      if (step.stage === 'upload') {
        expect(step.totalBytes).toBe(17);
        sent.push(step.sentBytes ?? -1);
      }
    });
    expect(sent).toEqual([0, 6, 12, 14, 17]);
  });

  it('refuses while anyone is in Bcc, since the block names each recipient for all to see', async () => {
    const fake = fakePorts();
    const outcome = await protectAsLinks(fake.ports, { ...MESSAGE, bcc: [{ address: 'boss@example.co.jp' }] }, CHOICE);
    expect(outcome).toEqual({ ok: false, stage: 'recipients', detail: 'bcc', originalsKept: true });
    expect(fake.log).toEqual([]);
  });

  it('refuses without To or Cc recipients, and over the policy size, before reading anything', async () => {
    const fake = fakePorts();
    expect(await protectAsLinks(fake.ports, { ...MESSAGE, to: [], cc: [] }, CHOICE)).toMatchObject({
      ok: false,
      stage: 'recipients',
      detail: 'none',
    });
    expect(await protectAsLinks(fake.ports, MESSAGE, { ...CHOICE, maxTotalBytes: 16 })).toMatchObject({
      ok: false,
      stage: 'size',
      detail: '17 > 16',
      originalsKept: true,
    });
    expect(fake.log).toEqual([]);
  });

  it.each([
    ['read', [], 'read'],
    ['create', ['create'], 'create'],
  ] as const)('leaves the message as it was when %s fails, with nothing to withdraw', async (failing, calls, stage) => {
    const fake = fakePorts({ [failing]: true });
    const outcome = await protectAsLinks(fake.ports, MESSAGE, CHOICE);
    expect(outcome).toMatchObject({ ok: false, stage, originalsKept: true });
    expect(fake.log.map((entry) => entry.split(' ')[0])).toEqual(calls);
    expect(names(fake.attachments())).toEqual(ORIGINALS);
    expect(fake.body()).toBe('Dear Hanako,');
  });

  it.each([
    ['upload', 'upload', '仕様.pdf: Preflight API: http: too large', 'too-large'],
    ['complete', 'complete', 'Preflight API: http: not every file', 'invalid'],
    ['body', 'body', 'InvalidFormatError', undefined],
    ['wrongFiles', 'upload', 'the server declared different files than were sent (顧客.xlsx)', 'bad-answer'],
  ] as const)('withdraws the package and keeps the originals and the body when %s fails', async (failing, stage, detail, cause) => {
    const fake = fakePorts({ [failing]: true });
    const outcome = await protectAsLinks(fake.ports, MESSAGE, CHOICE);
    // The server's refusals carry the code the pane translates (api-failure.ts); Outlook's do not.
    expect(outcome).toEqual({ ok: false, stage, detail, ...(cause === undefined ? {} : { cause }), originalsKept: true });
    expect(fake.log.at(-1)).toBe('revoke p1');
    expect(fake.log.some((entry) => entry.startsWith('remove'))).toBe(false);
    expect(names(fake.attachments())).toEqual(ORIGINALS);
    expect(fake.body()).toBe('Dear Hanako,');
  });

  it('still removes the files when only the record fails (the handler needs no record: it sees the files gone)', async () => {
    const fake = fakePorts({ record: true });
    expect(await protectAsLinks(fake.ports, MESSAGE, CHOICE)).toMatchObject({ ok: true });
    expect(names(fake.attachments())).toEqual(['logo.png']);
  });

  it('says which files stayed when removing fails, and keeps the links since they are in the body', async () => {
    const fake = fakePorts({ remove: true });
    expect(await protectAsLinks(fake.ports, MESSAGE, CHOICE)).toEqual({
      ok: false,
      stage: 'remove',
      detail: '仕様.pdf',
      originalsKept: false,
    });
    expect(fake.log).not.toContain('revoke p1');
    expect(names(fake.attachments())).toEqual(['仕様.pdf', 'logo.png']);
  });
});

describe('linkRecipients', () => {
  it('takes To and Cc once each, lower-cased, in order', () => {
    expect(linkRecipients(MESSAGE)).toEqual({ ok: true, addresses: ['hanako@partner.co.jp', 'bob@other.com'] });
  });
});
