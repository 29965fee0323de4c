import { describe, expect, it } from 'vitest';
import {
  evaluate,
  parsePolicy,
  type AttachmentInspection,
  type AttachmentSnapshot,
  type Policy,
  type ProtectionState,
} from '../../src/policy/index.js';
import { combinedInspection, protectAsZip, type ZipMember, type ZipPorts } from '../../src/taskpane/protect-zip.js';

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
function parsedPolicy(document: unknown): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}
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
    const zipInspection = fake.cache().find((entry) => entry.name === '資料.zip');
    expect(zipInspection).toMatchObject({ size: 4096, status: 'inspected' });
    expect(zipInspection?.personalData[0]).toMatchObject({ kind: 'my-number', high: 2, highSamples: ['1234 **** 9018'] });
    // The record keeps the same outcome: the cache entry can be evicted or overwritten, the record is not.
    expect(fake.protection().zips).toEqual([{ name: '資料.zip', size: 4096, method: 'aes256', inspection: zipInspection }]);
  });

  it('records every count and unread member with the ZIP, but only the first sample and part per kind', async () => {
    const fake = fakePorts();
    const tally = { ...MY_NUMBER.personalData[0]!, highSamples: ['1234 **** 9018', '5678 **** 1234'], parts: ['sheet:顧客', 'sheet:名簿'] };
    await fake.ports.updateInspectionCache(() => [{ ...MY_NUMBER, personalData: [tally] }]);
    await protectAsZip(fake.ports, [XLSX, PDF], CHOICE);
    expect(fake.protection().zips[0]?.inspection).toEqual({
      name: '資料.zip',
      size: 4096,
      status: 'inspected',
      reason: '',
      unread: [{ where: 'entry:仕様.pdf', status: 'uninspectable', reason: 'pending' }],
      personalData: [{ ...tally, highSamples: ['1234 **** 9018'], parts: ['sheet:顧客'] }],
    });
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

describe('combinedInspection', () => {
  const member = (name: string, rest: Partial<AttachmentInspection>): ZipMember => ({
    name,
    inspection: { name, size: 10, status: 'inspected', reason: '', unread: [], personalData: [], ...rest },
  });

  it('keeps every member that was not read whole, with its own status and reason', () => {
    const zip = combinedInspection('資料.zip', 4096, [
      member('給与.xlsx', { status: 'encrypted', reason: 'office-encrypted' }),
      member('壊れ.docx', { status: 'uninspectable', reason: 'corrupt' }),
      member('旧.zip', { unread: [{ where: 'entry:a.bin', status: 'uninspectable', reason: 'unsupported-type' }] }),
      member('遅い.csv', { status: 'pending', reason: 'handler-format' }),
      { name: '未.pdf', inspection: undefined },
      member('顧客.xlsx', { personalData: MY_NUMBER.personalData }),
    ]);
    expect(zip).toEqual({
      name: '資料.zip',
      size: 4096,
      status: 'inspected',
      reason: '',
      unread: [
        { where: 'entry:給与.xlsx', status: 'encrypted', reason: 'office-encrypted' },
        { where: 'entry:壊れ.docx', status: 'uninspectable', reason: 'corrupt' },
        { where: 'entry:旧.zip#entry:a.bin', status: 'uninspectable', reason: 'unsupported-type' },
        { where: 'entry:遅い.csv', status: 'uninspectable', reason: 'handler-format' },
        { where: 'entry:未.pdf', status: 'uninspectable', reason: 'pending' },
      ],
      personalData: MY_NUMBER.personalData,
    });
  });

  it("adds the members' tallies per kind", () => {
    const tally = MY_NUMBER.personalData[0]!;
    const zip = combinedInspection('資料.zip', 4096, [
      member('a.xlsx', { personalData: [tally] }),
      member('b.xlsx', { personalData: [{ ...tally, high: 1, low: 3, highSamples: ['5678 **** 1234'], parts: ['sheet:名簿'] }] }),
    ]);
    expect(zip.personalData).toEqual([
      {
        kind: 'my-number',
        high: 3,
        low: 3,
        highSamples: ['1234 **** 9018', '5678 **** 1234'],
        lowSamples: [],
        parts: ['sheet:顧客', 'sheet:名簿'],
      },
    ]);
  });

  it("never lowers what the members decided at Send (the review's reproduction)", () => {
    const policy = parsedPolicy({
      internalDomains: ['example.co.jp'],
      encryptedAttachments: 'block',
      uninspectableAttachments: 'block',
      attachments: { protection: { external: 'zip' } },
    });
    const payroll: AttachmentInspection = {
      name: '給与.xlsx',
      size: 3000,
      status: 'encrypted',
      reason: 'office-encrypted',
      unread: [],
      personalData: [],
    };
    const to = [{ address: 'hanako@partner.example' }];
    const originals = { to, cc: [], bcc: [], subject: '', body: '', attachments: [{ name: '給与.xlsx', size: 3000, inline: false }] };
    expect(evaluate(originals, policy, { inspection: { attachments: [payroll] } }).decision).toBe('block');

    const zip = combinedInspection('給与.zip', 4096, [{ name: '給与.xlsx', inspection: payroll }]);
    const protection: ProtectionState = { zips: [{ name: '給与.zip', size: 4096, method: 'aes256', inspection: zip }], links: [] };
    const zipped = { ...originals, attachments: [{ name: '給与.zip', size: 4096, inline: false }] };
    const verdict = evaluate(zipped, policy, { inspection: { attachments: [zip] }, protection });
    expect(verdict.decision).toBe('block');
    expect(verdict.findings.map((finding) => finding.rule)).toContain('encrypted-attachment');
  });
});
