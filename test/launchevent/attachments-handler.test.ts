import { describe, expect, it, vi } from 'vitest';
import { mergeInspections } from '../../src/inspect/index.js';
import { ATTACHMENTS_TIMING, createAttachmentsHandler } from '../../src/launchevent/attachments-handler.js';
import { pendingInspection as pendingEntry } from '../../src/inspect/index.js';
import { parseInspectionCache, SESSION_KEYS } from '../../src/office/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';
import {
  attachment,
  createLaunchEvent,
  createOfficeFake,
  type CallBehaviour,
  type FakeOperation,
  type OfficeFake,
} from '../fakes/office-fake.js';
import { installOffice, useOfficePerTest } from '../fakes/office-per-test.js';

const CSV = '氏名,マイナンバー\n山田太郎,個人番号 1234 5678 9018\n';

function base64(text: string): { format: string; content: string } {
  return { format: 'base64', content: Buffer.from(text, 'utf8').toString('base64') };
}

useOfficePerTest({ fakeTimers: true });

interface Run {
  readonly fake: OfficeFake;
  readonly completions: ReturnType<typeof createLaunchEvent>['completions'];
  readonly startedAt: number;
}

function start(fake: OfficeFake, behaviours: ReadonlyArray<readonly [FakeOperation, CallBehaviour]> = [], now?: () => number): Run {
  installOffice(fake);
  for (const [operation, behaviour] of behaviours) fake.behave(operation, behaviour);
  const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
  const startedAt = Date.now();
  createAttachmentsHandler(now === undefined ? {} : { now })(event);
  return { fake, completions, startedAt };
}

/** Runs the clock to the watchdog; every path completes exactly once, with no timer left. */
async function completedOnce(run: Run): Promise<void> {
  await vi.advanceTimersByTimeAsync(ATTACHMENTS_TIMING.deadlineMs);
  expect(run.completions).toHaveLength(1);
  expect(run.completions[0]?.options).toBeUndefined();
  expect(run.completions[0]?.probed).toBe(0);
  expect(run.completions[0]!.at - run.startedAt).toBeLessThanOrEqual(ATTACHMENTS_TIMING.deadlineMs);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(run.completions).toHaveLength(1);
}

function cached(fake: OfficeFake): AttachmentInspection[] {
  return parseInspectionCache(fake.mail.sessionData.get(SESSION_KEYS.inspection));
}

function reads(fake: OfficeFake): unknown[] {
  return fake.calls.filter((call) => call.operation === 'getAttachmentContentAsync').map((call) => call.args[0]);
}

describe('an attachment is added', () => {
  it('reads a UTF-8 CSV, inspects it and caches the masked outcome by name and size', async () => {
    const fake = createOfficeFake({
      mail: { attachments: [attachment('名簿.csv', 120)], attachmentContents: new Map([['id-名簿.csv', base64(CSV)]]) },
    });
    const run = start(fake);
    await completedOnce(run);
    const [entry] = cached(fake);
    expect(entry).toMatchObject({ name: '名簿.csv', size: 120, status: 'inspected', reason: '' });
    expect(entry?.personalData.find((tally) => tally.kind === 'my-number')).toMatchObject({ high: 1, highSamples: ['1234 **** 9018'] });
    expect(fake.mail.sessionData.get(SESSION_KEYS.inspection)).not.toContain('1234 5678 9018');
  });

  it.each([
    [
      'an Office file, left to the pane',
      attachment('名簿.xlsx', 5_000),
      pendingEntry({ name: '名簿.xlsx', size: 5_000 }, 'handler-format'),
    ],
    ['a PDF', attachment('a.pdf', 5_000), pendingEntry({ name: 'a.pdf', size: 5_000 }, 'handler-format')],
    ['a text file over the size cap', attachment('big.csv', 2_000_000), pendingEntry({ name: 'big.csv', size: 2_000_000 }, 'handler-size')],
    ['an image', attachment('photo.png', 5_000), { ...pendingEntry({ name: 'photo.png', size: 5_000 }, 'image'), status: 'uninspectable' }],
  ])('caches %s without reading it', async (_label, file, expected) => {
    const fake = createOfficeFake({ mail: { attachments: [file] } });
    await completedOnce(start(fake));
    expect(cached(fake)).toEqual([expected]);
    expect(reads(fake)).toEqual([]);
  });

  it('marks a text file that is not UTF-8 as pending for the pane', async () => {
    const sjis = { format: 'base64', content: Buffer.from([0x8c, 0xc2, 0x90, 0x6c]).toString('base64') };
    const fake = createOfficeFake({ mail: { attachments: [attachment('a.txt', 4)], attachmentContents: new Map([['id-a.txt', sjis]]) } });
    await completedOnce(start(fake));
    expect(cached(fake)).toEqual([pendingEntry({ name: 'a.txt', size: 4 }, 'handler-encoding')]);
  });

  it('reads only attachments without a cached outcome, and skips inline images', async () => {
    const earlier = pendingEntry({ name: 'a.xlsx', size: 10 }, 'handler-format');
    const fake = createOfficeFake({
      mail: {
        attachments: [attachment('a.xlsx', 10), attachment('b.txt', 5), attachment('logo.png', 9, true)],
        attachmentContents: new Map([['id-b.txt', base64('hello')]]),
        sessionData: new Map([[SESSION_KEYS.inspection, JSON.stringify([earlier])]]),
      },
    });
    await completedOnce(start(fake));
    expect(reads(fake)).toEqual(['id-b.txt']);
    expect(cached(fake).map((entry) => [entry.name, entry.status])).toEqual([
      ['a.xlsx', 'pending'],
      ['b.txt', 'inspected'],
    ]);
  });

  it('caches what the time budget leaves unread as pending, and reads it on the next event', async () => {
    let clock = 0;
    const fake = createOfficeFake({
      mail: {
        attachments: [attachment('a.txt', 5), attachment('b.txt', 5)],
        attachmentContents: new Map([
          ['id-a.txt', base64('hello')],
          ['id-b.txt', base64('world')],
        ]),
      },
    });
    await completedOnce(
      start(fake, [], () => {
        clock += ATTACHMENTS_TIMING.scanBudgetMs;
        return clock;
      }),
    );
    expect(cached(fake).map((entry) => [entry.name, entry.status, entry.reason])).toEqual([
      ['a.txt', 'inspected', ''],
      ['b.txt', 'pending', 'handler-budget'],
    ]);
    await completedOnce(start(fake));
    expect(cached(fake).map((entry) => [entry.name, entry.status])).toEqual([
      ['a.txt', 'inspected'],
      ['b.txt', 'inspected'],
    ]);
    expect(reads(fake)).toEqual(['id-a.txt', 'id-b.txt']);
  });
});

describe('an attachment is removed', () => {
  it('drops its entry and keeps the others', async () => {
    const kept = pendingEntry({ name: 'a.xlsx', size: 10 }, 'handler-format');
    const removed = pendingEntry({ name: 'gone.xlsx', size: 20 }, 'handler-format');
    const fake = createOfficeFake({
      mail: { attachments: [attachment('a.xlsx', 10)], sessionData: new Map([[SESSION_KEYS.inspection, JSON.stringify([kept, removed])]]) },
    });
    await completedOnce(start(fake));
    expect(cached(fake)).toEqual([kept]);
  });
});

describe('when Office fails or hangs, the event still completes exactly once', () => {
  const file = (): OfficeFake =>
    createOfficeFake({ mail: { attachments: [attachment('a.csv', 10)], attachmentContents: new Map([['id-a.csv', base64(CSV)]]) } });

  it.each<[string, CallBehaviour]>([
    ['fails', { kind: 'fail' }],
    ['hangs', { kind: 'hang' }],
    ['throws', { kind: 'throw' }],
  ])('getAttachmentContentAsync %s: the attachment is cached as pending, to be retried', async (_label, behaviour) => {
    const fake = file();
    await completedOnce(start(fake, [['getAttachmentContentAsync', behaviour]]));
    expect(cached(fake)).toEqual([pendingEntry({ name: 'a.csv', size: 10 }, 'handler-read')]);
  });

  it('a content that is not base64 is cached as pending', async () => {
    const fake = createOfficeFake({
      mail: { attachments: [attachment('a.csv', 10)], attachmentContents: new Map([['id-a.csv', { format: 'base64', content: '***' }]]) },
    });
    await completedOnce(start(fake));
    expect(cached(fake)).toEqual([pendingEntry({ name: 'a.csv', size: 10 }, 'handler-read')]);
  });

  it.each<[FakeOperation, CallBehaviour]>([
    ['getAttachmentsAsync', { kind: 'fail' }],
    ['getAttachmentsAsync', { kind: 'hang' }],
    ['sessionData.getAllAsync', { kind: 'hang' }],
    ['sessionData.getAllAsync', { kind: 'throw' }],
    ['sessionData.setAsync', { kind: 'fail' }],
    ['sessionData.setAsync', { kind: 'hang' }],
  ])('%s %o', async (operation, behaviour) => {
    await completedOnce(start(file(), [[operation, behaviour]]));
  });

  it('everything hanging: the calls time out and the event completes, writing nothing', async () => {
    const fake = file();
    const run = start(fake, [
      ['getAttachmentsAsync', { kind: 'hang' }],
      ['sessionData.getAllAsync', { kind: 'hang' }],
    ]);
    await vi.advanceTimersByTimeAsync(ATTACHMENTS_TIMING.officeCallTimeoutMs - 1);
    expect(run.completions).toHaveLength(0);
    await completedOnce(run);
    expect(fake.mail.sessionData.has(SESSION_KEYS.inspection)).toBe(false);
  });

  it('the watchdog completes a run whose calls outlast it', async () => {
    const fake = file();
    installOffice(fake);
    fake.behave('getAttachmentsAsync', { kind: 'hang' });
    const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
    createAttachmentsHandler({}, { ...ATTACHMENTS_TIMING, deadlineMs: 1_000 })(event);
    await vi.advanceTimersByTimeAsync(999);
    expect(completions).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(completions.map((completion) => completion.probed)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(completions).toHaveLength(1);
  });

  it('completes once even when completed throws', async () => {
    const fake = file();
    installOffice(fake);
    let calls = 0;
    createAttachmentsHandler()({
      completed: () => {
        calls += 1;
        throw new Error('completed threw');
      },
    });
    await vi.advanceTimersByTimeAsync(ATTACHMENTS_TIMING.deadlineMs + 1_000);
    expect(calls).toBe(1);
  });
});

describe('mergeInspections', () => {
  const a = { name: 'a.csv', size: 1 };
  const b = { name: 'b.csv', size: 2 };
  const inspectedA: AttachmentInspection = { ...pendingEntry(a, ''), status: 'inspected' };

  it.each<[string, AttachmentInspection[], AttachmentInspection[], Array<{ name: string; size: number }>, AttachmentInspection[]]>([
    ['adds fresh entries', [], [inspectedA], [a], [inspectedA]],
    ['drops entries of removed attachments', [inspectedA], [], [b], []],
    ['a fresh result replaces a stored pending', [pendingEntry(a, 'handler-budget')], [inspectedA], [a], [inspectedA]],
    ['a fresh pending does not replace a result another run stored', [inspectedA], [pendingEntry(a, 'handler-budget')], [a], [inspectedA]],
    [
      'keeps a result another run stored for an attachment this run did not see',
      [pendingEntry(b, 'x')],
      [inspectedA],
      [a, b],
      [pendingEntry(b, 'x'), inspectedA],
    ],
  ])('%s', (_label, stored, fresh, present, expected) => {
    expect(
      mergeInspections(
        stored,
        fresh,
        present.map((entry) => ({ ...entry, inline: false })),
      ),
    ).toEqual(expected);
  });
});
