import { describe, expect, it } from 'vitest';
import { type AttachmentInspection, type AttachmentSnapshot, type MessageSnapshot } from '../../src/policy/index.js';
import type { PaneGateway } from '../../src/taskpane/pane-gateway.js';
import { inspectForPane, type InspectionProgress } from '../../src/taskpane/pane-inspection.js';

const MY_NUMBER: AttachmentInspection['personalData'] = [
  { kind: 'my-number', high: 1, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:顧客'] },
];

function outcome(
  attachment: { name: string; size: number },
  status: AttachmentInspection['status'] = 'inspected',
  personalData = MY_NUMBER,
): AttachmentInspection {
  return {
    name: attachment.name,
    size: attachment.size,
    status,
    reason: status === 'pending' ? 'handler-format' : '',
    unread: [],
    personalData,
  };
}

const XLSX: AttachmentSnapshot = { id: 'a1', name: '顧客.xlsx', size: 5_000, inline: false };
const CSV: AttachmentSnapshot = { id: 'a2', name: 'memo.csv', size: 40, inline: false };
const LOGO: AttachmentSnapshot = { id: 'a3', name: 'logo.png', size: 900, inline: true };

function snapshotWith(attachments: AttachmentSnapshot[]): MessageSnapshot {
  return { to: [{ address: 'hanako@partner.example' }], cc: [], bcc: [], subject: '顧客一覧', body: 'ご確認ください。', attachments };
}

function fakeGateway(options: { cache?: AttachmentInspection[]; failWrite?: boolean } = {}) {
  let cache: readonly AttachmentInspection[] = options.cache ?? [];
  const inspected: string[] = [];
  const gateway: Pick<PaneGateway, 'readCachedInspections' | 'updateInspectionCache' | 'inspectAttachment'> = {
    readCachedInspections: () => Promise.resolve(cache),
    updateInspectionCache: (update) => {
      if (options.failWrite === true) return Promise.reject(new Error('sessionData.setAsync failed'));
      cache = update(cache);
      return Promise.resolve(cache);
    },
    inspectAttachment: (attachment) => {
      inspected.push(attachment.name);
      return Promise.resolve(outcome(attachment, 'inspected', attachment.name.endsWith('.xlsx') ? MY_NUMBER : []));
    },
  };
  return { gateway: gateway as PaneGateway, inspected, cache: () => cache };
}

describe('inspectForPane', () => {
  it('inspects what the cache lacks or holds as pending, skips inline images, stores the outcomes and reports progress', async () => {
    const fake = fakeGateway({ cache: [outcome(XLSX, 'pending', [])] });
    const progress: InspectionProgress[] = [];
    const result = await inspectForPane(fake.gateway, snapshotWith([XLSX, CSV, LOGO]), fake.cache(), (step) => progress.push(step));
    expect(fake.inspected).toEqual(['顧客.xlsx', 'memo.csv']);
    expect(progress).toEqual([
      { index: 1, total: 2, name: '顧客.xlsx' },
      { index: 2, total: 2, name: 'memo.csv' },
    ]);
    expect(fake.cache().map((entry) => [entry.name, entry.status])).toEqual([
      ['顧客.xlsx', 'inspected'],
      ['memo.csv', 'inspected'],
    ]);
    expect(result.notSaved).toBe(false);
    expect(result.outcomes.find((entry) => entry.name === '顧客.xlsx')?.personalData).toEqual(MY_NUMBER);
  });

  it('reads again what Office failed to hand over, not what could not be read', async () => {
    const failedRead = { ...outcome(XLSX, 'uninspectable', []), reason: 'read-failed' };
    const corrupt = { ...outcome(CSV, 'uninspectable', []), reason: 'corrupt' };
    const fake = fakeGateway({ cache: [failedRead, corrupt] });
    await inspectForPane(fake.gateway, snapshotWith([XLSX, CSV]), fake.cache());
    expect(fake.inspected).toEqual(['顧客.xlsx']);
    expect(fake.cache().map((entry) => [entry.name, entry.status])).toEqual([
      ['顧客.xlsx', 'inspected'],
      ['memo.csv', 'uninspectable'],
    ]);
  });

  it('reads nothing again that the cache already holds', async () => {
    const fake = fakeGateway({ cache: [outcome(XLSX)] });
    await inspectForPane(fake.gateway, snapshotWith([XLSX]), fake.cache());
    expect(fake.inspected).toEqual([]);
  });

  it('still evaluates what it found when the cache cannot be written, and says so', async () => {
    const fake = fakeGateway({ failWrite: true });
    const result = await inspectForPane(fake.gateway, snapshotWith([XLSX]), fake.cache());
    expect(result.notSaved).toBe(true);
    expect(result.outcomes[0]?.status).toBe('inspected');
  });
});
