import { describe, expect, it } from 'vitest';
import type { AttachmentInspection, AttachmentSnapshot, ProtectionState } from '../../src/policy/index.js';
import { protectAsZip, type ZipPorts } from '../../src/taskpane/protect-zip.js';

const XLSX: AttachmentSnapshot = { id: 'a1', name: '顧客.xlsx', size: 3000, inline: false };
const PDF: AttachmentSnapshot = { id: 'a2', name: '仕様.pdf', size: 2000, inline: false };
const LOGO: AttachmentSnapshot = { id: 'a3', name: 'logo.png', size: 100, inline: true };
const CHOICE = { method: 'aes256' as const, archiveName: '資料', maxTotalBytes: 10_000 };
const MY_NUMBER: AttachmentInspection = {
  name: '顧客.xlsx',
  size: 3000,
  status: 'inspected',
  reason: '',
  unread: [],
  personalData: [{ kind: 'my-number', high: 2, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:顧客'] }],
};
const CLEAN_PDF: AttachmentInspection = { name: '仕様.pdf', size: 2000, status: 'inspected', reason: '', unread: [], personalData: [] };

function fakePorts(fail: Partial<Record<'protect' | 'record' | 'removeOriginal', boolean>> = {}) {
  const log: string[] = [];
  let attachments: AttachmentSnapshot[] = [XLSX, PDF, LOGO];
  let cache: readonly AttachmentInspection[] = [MY_NUMBER, CLEAN_PDF];
  let protection: ProtectionState = { zips: [], links: [] };
  const ports: ZipPorts = {
    readAttachmentBase64: (id) => Promise.resolve({ kind: 'base64', content: `content-of-${id}` }),
    protectZip: (request, onUpload) => {
      log.push(`protect ${request.files.map((file) => file.name).join('+')}`);
      onUpload(1000, 4000);
      onUpload(4000, 4000);
      return fail.protect === true
        ? Promise.reject(new Error('HTTP 413: too large'))
        : Promise.resolve({ name: '資料.zip', size: 4000, method: 'aes256', password: 'Kp7vQw3ZrT9xMh2nB4cD', contentBase64: 'UEsDBA==' });
    },
    addAttachment: (_content, name) => {
      log.push(`add ${name}`);
      attachments = [...attachments, { id: 'zip', name, size: 4096, inline: false }];
      return Promise.resolve('zip');
    },
    listAttachments: () => Promise.resolve(attachments),
    readCachedInspections: () => Promise.resolve(cache),
    updateInspectionCache: (update) => {
      cache = update(cache);
      return Promise.resolve(cache);
    },
    recordProtection: (update) => {
      log.push('record');
      if (fail.record === true) return Promise.reject(new Error('sessionData full'));
      protection = update(protection);
      return Promise.resolve(protection);
    },
    removeAttachment: (id) => {
      log.push(`remove ${id}`);
      if (fail.removeOriginal === true && id === 'a2') return Promise.reject(new Error('busy'));
      attachments = attachments.filter((attachment) => attachment.id !== id);
      return Promise.resolve();
    },
  };
  return { ports, log, attachments: () => attachments, cache: () => cache, protection: () => protection };
}

describe('protectAsZip', () => {
  it('adds and records the ZIP before removing any original, by the size Outlook reports, keeping what inspection found', async () => {
    const fake = fakePorts();
    const outcome = await protectAsZip(fake.ports, [XLSX, PDF, LOGO], CHOICE);
    expect(outcome).toEqual({ ok: true, name: '資料.zip', size: 4096, method: 'aes256', password: 'Kp7vQw3ZrT9xMh2nB4cD' });
    expect(fake.log).toEqual(['protect 顧客.xlsx+仕様.pdf', 'add 資料.zip', 'record', 'remove a1', 'remove a2']);
    expect(fake.attachments().map((attachment) => attachment.name)).toEqual(['logo.png', '資料.zip']);
    expect(fake.protection().zips).toEqual([{ name: '資料.zip', size: 4096, method: 'aes256' }]);
    const zipInspection = fake.cache().find((entry) => entry.name === '資料.zip');
    expect(zipInspection).toMatchObject({ size: 4096, status: 'inspected' });
    expect(zipInspection?.personalData[0]).toMatchObject({ kind: 'my-number', high: 2, highSamples: ['1234 **** 9018'] });
  });

  it('tells each stage in order, with the request’s upload progress during protect', async () => {
    const fake = fakePorts();
    const heard: unknown[] = [];
    await protectAsZip(fake.ports, [XLSX, PDF], CHOICE, (progress) => heard.push(progress));
    expect(heard).toEqual([
      { stage: 'read' },
      { stage: 'protect' },
      { stage: 'protect', sentBytes: 1000, totalBytes: 4000 },
      { stage: 'protect', sentBytes: 4000, totalBytes: 4000 },
      { stage: 'add' },
      { stage: 'record' },
      { stage: 'remove' },
    ]);
  });

  it('keeps the originals untouched and adds nothing when the server refuses', async () => {
    const fake = fakePorts({ protect: true });
    expect(await protectAsZip(fake.ports, [XLSX, PDF], CHOICE)).toMatchObject({
      ok: false,
      stage: 'protect',
      detail: 'HTTP 413: too large',
      originalsKept: true,
    });
    expect(fake.attachments()).toEqual([XLSX, PDF, LOGO]);
  });

  it('takes the ZIP out again when it cannot be recorded, so the message is as it was', async () => {
    const fake = fakePorts({ record: true });
    expect(await protectAsZip(fake.ports, [XLSX, PDF], CHOICE)).toMatchObject({ ok: false, stage: 'record', originalsKept: true });
    expect(fake.attachments()).toEqual([XLSX, PDF, LOGO]);
    expect(fake.log.at(-1)).toBe('remove zip');
  });

  it('refuses attachments over the policy size before reading anything', async () => {
    const fake = fakePorts();
    expect(await protectAsZip(fake.ports, [XLSX, PDF], { ...CHOICE, maxTotalBytes: 4_000 })).toMatchObject({
      ok: false,
      stage: 'size',
      originalsKept: true,
    });
    expect(fake.log).toEqual([]);
  });

  it('says which originals it could not remove, and still hands over the password of the ZIP it added', async () => {
    const fake = fakePorts({ removeOriginal: true });
    expect(await protectAsZip(fake.ports, [XLSX, PDF], CHOICE)).toEqual({
      ok: false,
      stage: 'remove',
      detail: '仕様.pdf',
      originalsKept: false,
      password: 'Kp7vQw3ZrT9xMh2nB4cD',
    });
  });
});
