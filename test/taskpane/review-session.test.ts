import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api-client/index.js';
import { OfficeCallError } from '../../src/office/index.js';
import {
  emptyHistory,
  recordRecipients,
  type AttachmentInspection,
  type AttachmentSnapshot,
  type MessageSnapshot,
  type ProtectionState,
  type RecipientHistory,
} from '../../src/policy/index.js';
import type { PaneGateway } from '../../src/taskpane/pane-gateway.js';
import { protectAsZip } from '../../src/taskpane/protect-zip.js';
import { attempt, loadReview, problemOf, reevaluate } from '../../src/taskpane/review-session.js';
import { SNAPSHOT } from './fixtures.js';

const POLICY_DOCUMENT = { version: 1, internalDomains: ['example.co.jp'] };
const CACHED_DOCUMENT = { version: 1, internalDomains: ['example.co.jp', 'cached.example'] };
const NOT_A_POLICY = { version: 'nope', internalDomains: 42 };

interface FakeOptions {
  readonly ready?: 'yes' | 'never' | 'rejects';
  readonly server?: unknown | Error;
  readonly cached?: unknown | Error;
  readonly snapshot?: MessageSnapshot | Error;
  readonly confirmed?: string | null | Error;
  readonly meeting?: boolean;
  readonly history?: RecipientHistory | null;
}

function fakeGateway(options: FakeOptions = {}) {
  const cachedDocuments: unknown[] = [];
  const settle = <T>(value: T | Error): Promise<T> => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  const gateway: PaneGateway = {
    whenOfficeReady: () =>
      options.ready === 'never'
        ? new Promise(() => undefined)
        : options.ready === 'rejects'
          ? Promise.reject(new OfficeCallError('Office.onReady', 'unavailable', 'unavailable', ''))
          : Promise.resolve(),
    displayLanguage: () => 'ja-JP',
    officeTheme: () => null,
    readSnapshot: () => settle(options.snapshot ?? SNAPSHOT),
    readConfirmedFingerprint: () => settle(options.confirmed === undefined ? null : options.confirmed),
    recordConfirmation: () => Promise.resolve(),
    composingMeeting: () => options.meeting === true,
    canSendFromPane: () => false,
    canHoldDelivery: () => true,
    sendItem: () => Promise.reject(new Error('not in these tests')),
    moveToBcc: () => Promise.resolve(),
    removeRecipient: () => Promise.resolve(),
    onItemChanged: () => Promise.resolve(() => Promise.resolve()),
    fetchPolicyDocument: () => settle('server' in options ? options.server : POLICY_DOCUMENT),
    readCachedPolicy: () => settle('cached' in options ? options.cached : null),
    cachePolicy: (document) => {
      cachedDocuments.push(document);
      return Promise.resolve();
    },
    nowMs: () => 1_700_000_000_000,
    readRecipientHistory: () => options.history ?? null,
    readCachedInspections: () => Promise.resolve([]),
    updateInspectionCache: (update) => Promise.resolve(update([])),
    readProtectionState: () => Promise.resolve({ zips: [], links: [] }),
    openNewMessage: () => undefined,
    readAttachmentBase64: () => Promise.reject(new Error('not in these tests')),
    protectZip: () => Promise.reject(new Error('not in these tests')),
    addAttachment: () => Promise.reject(new Error('not in these tests')),
    listAttachments: () => Promise.resolve([]),
    recordProtection: () => Promise.reject(new Error('not in these tests')),
    removeAttachment: () => Promise.reject(new Error('not in these tests')),
    createLinks: () => Promise.reject(new Error('not in these tests')),
    uploadLinkFile: () => Promise.reject(new Error('not in these tests')),
    completeLinks: () => Promise.reject(new Error('not in these tests')),
    revokeLinks: () => Promise.reject(new Error('not in these tests')),
    myLinks: () => Promise.resolve([]),
    prependBodyBlock: () => Promise.reject(new Error('not in these tests')),
    readApprovalRecord: () => Promise.resolve(null),
    recordApproval: () => Promise.reject(new Error('not in these tests')),
    approvalKey: () => Promise.resolve(null),
    userAddress: () => 'taro@example.co.jp',
    requestApproval: () => Promise.reject(new Error('not in these tests')),
    readApprovalRequest: () => Promise.reject(new Error('not in these tests')),
    latestApprovalRequest: () => Promise.resolve(null),
    readMessageBody: () => Promise.reject(new Error('not in these tests')),
    approvalPageUrl: (id) => `https://localhost/approve/${id}`,
    postAuditEvents: () => Promise.resolve(),
    readAuditQueue: () => Promise.resolve([]),
    writeAuditQueue: () => Promise.resolve(),
    clientInfo: () => ({ platform: 'OfficeOnline', mailbox: '1.15' }),
    inspectAttachment: (attachment) =>
      Promise.resolve({ name: attachment.name, size: attachment.size, status: 'inspected', reason: '', unread: [], personalData: [] }),
  };
  return { gateway, cachedDocuments };
}

const snapshotFailure = new OfficeCallError('to.getAsync', 'failed', '9002', 'Internal error');

describe("the policy the pane checks with (src/check's chain)", () => {
  it.each<[string, FakeOptions, 'server' | 'cache' | null, readonly string[] | null]>([
    ['the server answers', {}, 'server', ['example.co.jp']],
    [
      'the server fails, a copy is kept',
      { server: new Error('offline'), cached: CACHED_DOCUMENT },
      'cache',
      ['example.co.jp', 'cached.example'],
    ],
    [
      'the server sends no policy, a copy is kept',
      { server: NOT_A_POLICY, cached: CACHED_DOCUMENT },
      'cache',
      ['example.co.jp', 'cached.example'],
    ],
    ['the server fails, no copy', { server: new Error('offline'), cached: null }, null, null],
    ['the server fails, the copy is broken', { server: new Error('offline'), cached: NOT_A_POLICY }, null, null],
    ['the server fails, reading the copy fails', { server: new Error('offline'), cached: snapshotFailure }, null, null],
  ])('%s', async (_case, options, source, internalDomains) => {
    const outcome = await loadReview(fakeGateway(options).gateway, 0);
    const review = outcome.ok ? outcome.review : null;
    expect(review?.policySource ?? null).toBe(source);
    expect(review?.policy.internalDomains ?? null).toEqual(internalDomains);
    if (!outcome.ok) expect(outcome.problem).toEqual({ kind: 'policy-unavailable' });
  });

  it('keeps a copy of a good server policy, and only of that', async () => {
    const good = fakeGateway();
    await loadReview(good.gateway, 0);
    expect(good.cachedDocuments).toEqual([POLICY_DOCUMENT]);
    const bad = fakeGateway({ server: NOT_A_POLICY, cached: CACHED_DOCUMENT });
    await loadReview(bad.gateway, 0);
    expect(bad.cachedDocuments).toEqual([]);
  });
});

describe('loadReview', () => {
  it('evaluates the snapshot and brings the recorded fingerprint', async () => {
    const outcome = await loadReview(fakeGateway({ confirmed: 'abc' }).gateway);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.confirmedFingerprint).toBe('abc');
    expect(outcome.review.snapshot).toBe(SNAPSHOT);
    expect(outcome.review.policySource).toBe('server');
    expect(outcome.review.model.fingerprint).toBe(outcome.review.verdict.fingerprint);
    expect(outcome.review.model.internal.map((row) => row.address)).toEqual(['jiro@example.co.jp']);
  });

  it('shows a first-time recipient on its row, with the nearest known address, from the history the pane loaded', async () => {
    const history = recordRecipients(emptyHistory('DDDDDDDDDDDDDDDDDDDDDD'), ['tanaka.k@partner.example'], 19_000, {
      days: 365,
      maxEntries: 10,
    });
    const snapshot: MessageSnapshot = { ...SNAPSHOT, to: [{ address: 'tanaka@partner.example' }], cc: [], bcc: [] };
    const rows = async (known: RecipientHistory | null) => {
      const outcome = await loadReview(fakeGateway({ snapshot, history: known }).gateway);
      if (!outcome.ok) throw new Error('no review');
      return outcome.review.model.external.flatMap((group) =>
        group.recipients.flatMap((row) => row.findings.map((finding) => finding.messageKey)),
      );
    };
    expect(await rows(history)).toContain('finding.first-time-recipient.nearest');
    expect(await rows(null)).not.toContain('finding.first-time-recipient.nearest');
    expect((await rows(null)).some((key) => key.startsWith('finding.first-time-recipient'))).toBe(false);
  });

  it('offers Bcc for a message with many outside domains, never for a meeting (it has no Bcc)', async () => {
    const outside = ['a@one.example', 'b@two.example', 'c@three.example'].map((address) => ({ address, type: 'externalUser' as const }));
    const snapshot: MessageSnapshot = { ...SNAPSHOT, to: outside, cc: [], bcc: [] };
    const suggested = async (meeting: boolean) => {
      const outcome = await loadReview(fakeGateway({ snapshot, meeting }).gateway);
      return outcome.ok ? outcome.review.model.moveToBcc : null;
    };
    expect(await suggested(false)).toEqual(outside.map((entry) => entry.address));
    expect(await suggested(true)).toEqual([]);
  });

  it('treats an unreadable confirmation as none', async () => {
    const outcome = await loadReview(fakeGateway({ confirmed: snapshotFailure }).gateway);
    expect(outcome.ok && outcome.confirmedFingerprint).toBeNull();
  });

  it.each<[string, FakeOptions, unknown]>([
    ['Office never starts', { ready: 'never' }, { kind: 'office-not-ready' }],
    ['office.js is missing', { ready: 'rejects' }, { kind: 'office-not-ready' }],
    ['no policy anywhere', { server: new Error('offline') }, { kind: 'policy-unavailable' }],
    ['reading the item fails', { snapshot: snapshotFailure }, { kind: 'office', operation: 'to.getAsync', code: '9002' }],
  ])('reports a problem when %s', async (_case, options, problem) => {
    const outcome = await loadReview(fakeGateway(options).gateway, 0);
    expect(outcome).toEqual({ ok: false, problem });
  });
});

describe('reevaluate and attempt', () => {
  it('re-reads the item with the policy in hand', async () => {
    const first = await loadReview(fakeGateway().gateway);
    if (!first.ok) throw new Error('load failed');
    const changed: MessageSnapshot = { ...SNAPSHOT, cc: [] };
    const again = await reevaluate(fakeGateway({ snapshot: changed, server: new Error('not asked again') }).gateway, {
      ...first.review,
      policySource: 'cache',
    });
    expect(again.ok && again.review.snapshot).toBe(changed);
    expect(again.ok && again.review.policySource).toBe('cache');
  });

  it('turns a failed re-read into a problem', async () => {
    const first = await loadReview(fakeGateway().gateway);
    if (!first.ok) throw new Error('load failed');
    const again = await reevaluate(fakeGateway({ snapshot: snapshotFailure }).gateway, first.review);
    expect(again).toEqual({ ok: false, problem: { kind: 'office', operation: 'to.getAsync', code: '9002' } });
  });

  it.each<[string, () => Promise<void>, unknown]>([
    ['succeeds', () => Promise.resolve(), { ok: true }],
    [
      'fails in Office',
      () => Promise.reject(snapshotFailure),
      { ok: false, problem: { kind: 'office', operation: 'to.getAsync', code: '9002' } },
    ],
    [
      'throws a bug',
      () => Promise.reject(new TypeError('x is undefined')),
      { ok: false, problem: { kind: 'unexpected', message: 'x is undefined' } },
    ],
  ])('attempt: a change that %s', async (_case, change, expected) => {
    expect(await attempt(change)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([
    ['plain text', { kind: 'unexpected', message: 'plain text' }],
    [
      new ApiError('http', 'Internal Server Error', 500),
      { kind: 'api', cause: 'server', detail: 'Preflight API: http: Internal Server Error' },
    ],
    [
      new OfficeCallError('sessionData.setAsync', 'timeout', 'timeout', ''),
      { kind: 'office', operation: 'sessionData.setAsync', code: 'timeout' },
    ],
  ])('problemOf(%s)', (error, problem) => {
    expect(problemOf(error)).toEqual(problem);
  });
});

describe('protection in the pane', () => {
  it('evaluates with what the pane protected, as the send handler does: a recorded ZIP is not unprotected', async () => {
    const zip = { id: 'z1', name: '見積書.zip', size: 2048, inline: false };
    const snapshot: MessageSnapshot = {
      to: [{ address: 'hanako@partner.example' }],
      cc: [],
      bcc: [],
      subject: 's',
      body: '',
      attachments: [zip],
    };
    const policy = { version: 1, internalDomains: ['example.co.jp'], attachments: { protection: { external: 'zip' } } };
    const base = fakeGateway({ server: policy, snapshot }).gateway;
    const rulesWith = async (zips: readonly { name: string; size: number; method: 'aes256' }[]) => {
      const outcome = await loadReview({ ...base, readProtectionState: () => Promise.resolve({ zips, links: [] }) });
      if (!outcome.ok) throw new Error('no review');
      return outcome.review.verdict.findings.map((finding) => finding.rule);
    };
    expect(await rulesWith([])).toContain('unprotected-attachment');
    expect(await rulesWith([{ name: '見積書.zip', size: 2048, method: 'aes256' }])).not.toContain('unprotected-attachment');
  });

  it("protecting as ZIP keeps the block its members had, even when the ZIP's cache entry is lost or overwritten", async () => {
    const payroll = { id: 'a1', name: '給与.xlsx', size: 3000, inline: false };
    const customers = { id: 'a2', name: '顧客.xlsx', size: 5000, inline: false };
    const policy = {
      version: 1,
      internalDomains: ['example.co.jp'],
      encryptedAttachments: 'block',
      uninspectableAttachments: 'block',
      attachments: { protection: { external: 'zip' } },
    };
    const myNumber = {
      kind: 'my-number',
      high: 2,
      low: 0,
      highSamples: ['1234 **** 9018'],
      lowSamples: [],
      parts: ['sheet:顧客'],
    } as const;
    // What the pane's worker finds in each file; read as a file, the pane's AES ZIP is only encrypted.
    const found: Record<string, Pick<AttachmentInspection, 'status' | 'reason' | 'personalData'>> = {
      '給与.xlsx': { status: 'encrypted', reason: 'office-encrypted', personalData: [] },
      '顧客.xlsx': { status: 'inspected', reason: '', personalData: [myNumber] },
      '資料.zip': { status: 'encrypted', reason: 'zip-encrypted', personalData: [] },
    };
    let attachments: AttachmentSnapshot[] = [payroll, customers];
    let cache: readonly AttachmentInspection[] = [];
    let protection: ProtectionState = { zips: [], links: [] };
    const gateway: PaneGateway = {
      ...fakeGateway({ server: policy }).gateway,
      readSnapshot: () =>
        Promise.resolve({ to: [{ address: 'hanako@partner.example' }], cc: [], bcc: [], subject: 's', body: '', attachments }),
      inspectAttachment: (attachment) =>
        Promise.resolve({ name: attachment.name, size: attachment.size, unread: [], ...found[attachment.name]! }),
      readCachedInspections: () => Promise.resolve(cache),
      updateInspectionCache: (update) => Promise.resolve((cache = update(cache))),
      readProtectionState: () => Promise.resolve(protection),
      recordProtection: (update) => Promise.resolve((protection = update(protection))),
      readAttachmentBase64: (id) => Promise.resolve({ kind: 'base64', content: id }),
      protectZip: () => Promise.resolve({ name: '資料.zip', size: 4000, method: 'aes256', password: 'p', contentBase64: 'UEsDBA==' }),
      addAttachment: (_content, name) => {
        attachments = [...attachments, { id: 'zip', name, size: 4096, inline: false }];
        return Promise.resolve('zip');
      },
      listAttachments: () => Promise.resolve(attachments),
      removeAttachment: (id) => {
        attachments = attachments.filter((attachment) => attachment.id !== id);
        return Promise.resolve();
      },
    };
    const verdict = async () => {
      const outcome = await loadReview(gateway);
      if (!outcome.ok) throw new Error('no review');
      const { decision, findings } = outcome.review.verdict;
      return {
        decision,
        rules: findings.map((finding) => finding.rule).filter((rule) => rule.endsWith('-attachment') || rule === 'personal-data'),
      };
    };
    const blocked = { decision: 'block', rules: expect.arrayContaining(['personal-data', 'encrypted-attachment']) };

    expect(await verdict()).toEqual(blocked);
    const protectedZip = await protectAsZip(gateway, attachments, { method: 'aes256', archiveName: '資料', maxTotalBytes: 100_000 });
    expect(protectedZip).toMatchObject({ ok: true, name: '資料.zip' });
    expect(await verdict()).toEqual(blocked);

    // Evicted as cache-full: the pane reads the ZIP again and finds it encrypted, with nothing in it.
    cache = cache.map((entry) =>
      entry.name === '資料.zip' ? { ...entry, status: 'pending', reason: 'cache-full', unread: [], personalData: [] } : entry,
    );
    expect(await verdict()).toEqual(blocked);
    expect(cache.find((entry) => entry.name === '資料.zip')).toMatchObject({ status: 'encrypted' });

    // The attachments handler, answering the ZIP's arrival, writes pending over the pane's entry.
    cache = [
      ...cache.filter((entry) => entry.name !== '資料.zip'),
      { name: '資料.zip', size: 4096, status: 'pending', reason: 'handler-format', unread: [], personalData: [] },
    ];
    expect(await verdict()).toEqual(blocked);
  });
});

describe('a read that failed once', () => {
  it('is tried again at the next load, so the message is not held as unreadable', async () => {
    const file = { id: 'a1', name: '顧客.xlsx', size: 5000, inline: false };
    const policy = { version: 1, internalDomains: ['example.co.jp'], uninspectableAttachments: 'block' };
    let cache: readonly AttachmentInspection[] = [];
    let reads = 0;
    const gateway: PaneGateway = {
      ...fakeGateway({ server: policy }).gateway,
      readSnapshot: () =>
        Promise.resolve({ to: [{ address: 'hanako@partner.example' }], cc: [], bcc: [], subject: 's', body: '', attachments: [file] }),
      readCachedInspections: () => Promise.resolve(cache),
      updateInspectionCache: (update) => Promise.resolve((cache = update(cache))),
      // What src/taskpane/attachment-inspector.ts answers when Office's read fails or times out, then a good read.
      inspectAttachment: (attachment) => {
        reads += 1;
        const status = reads === 1 ? 'uninspectable' : 'inspected';
        return Promise.resolve({
          name: attachment.name,
          size: attachment.size,
          status,
          reason: reads === 1 ? 'read-failed' : '',
          unread: [],
          personalData: [],
        });
      },
    };
    const rules = async () => {
      const outcome = await loadReview(gateway);
      if (!outcome.ok) throw new Error('no review');
      return outcome.review.verdict.findings.map((finding) => finding.rule);
    };
    expect(await rules()).toContain('uninspectable-attachment');
    expect(await rules()).not.toContain('uninspectable-attachment');
    expect(reads).toBe(2);
  });
});
