// The send handler with the real policy core and the organisation's sample policy: content inspection of
// subject and body, cached attachment outcomes, and what happens when the cache is missing or corrupt.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEPENDENCIES, type HandlerDependencies } from '../../src/launchevent/dependencies.js';
import { MAX_INSPECTED_TEXT_CHARS as MAX_INSPECTED_BODY_CHARS, pendingInspection as pendingEntry } from '../../src/inspect/index.js';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { SESSION_KEYS } from '../../src/office/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';
import { attachment, createLaunchEvent, createOfficeFake, recipient, type FakeMailbox, type OfficeFake } from '../fakes/office-fake.js';
import { installOffice, uninstallOffice, useOfficePerTest } from '../fakes/office-per-test.js';

const LIMIT_MS = 3_000;
const policyDocument: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../config/policy.json'), 'utf8'));

const MY_NUMBER_XLSX: AttachmentInspection = {
  name: '名簿.xlsx',
  size: 5_000,
  status: 'inspected',
  reason: '',
  unread: [],
  personalData: [{ kind: 'my-number', high: 2, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:名簿'] }],
};

useOfficePerTest({ fakeTimers: true });

interface Sent {
  readonly fake: OfficeFake;
  readonly options: Office.SmartAlertsEventCompletedOptions;
  readonly evaluate: ReturnType<typeof vi.fn<HandlerDependencies['evaluate']>>;
}

async function send(mail: Partial<FakeMailbox>): Promise<Sent> {
  const fake = createOfficeFake({ mailbox: '1.15', mail });
  installOffice(fake);
  const evaluate = vi.fn<HandlerDependencies['evaluate']>(DEFAULT_DEPENDENCIES.evaluate);
  const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
  const startedAt = Date.now();
  createSendHandler({ boot: () => ({ origin: null, policyDocument }), evaluate })(event);
  await vi.advanceTimersByTimeAsync(LIMIT_MS);
  expect(completions).toHaveLength(1);
  expect(completions[0]!.at - startedAt).toBeLessThan(LIMIT_MS);
  expect(completions[0]!.probed).toBe(0);
  return { fake, options: completions[0]!.options!, evaluate };
}

function inspectionOf(sent: Sent): AttachmentInspection[] {
  const context = sent.evaluate.mock.calls[0]?.[2];
  return [...(context?.inspection?.attachments ?? [])];
}

function cache(entries: unknown): Map<string, string> {
  return new Map([[SESSION_KEYS.inspection, typeof entries === 'string' ? entries : JSON.stringify(entries)]]);
}

const EXTERNAL = [recipient('hanako@partner.co.jp')];

describe('attachments at send', () => {
  it('blocks My Number in a cached xlsx outcome to an external recipient, showing only the masked sample', async () => {
    const sent = await send({ to: EXTERNAL, attachments: [attachment('名簿.xlsx', 5_000)], sessionData: cache([MY_NUMBER_XLSX]) });
    expect(sent.options.allowEvent).toBe(false);
    expect(sent.options.errorMessage).toContain('1234 **** 9018');
    expect(sent.options.errorMessage).toContain('名簿.xlsx');
    expect(sent.options.commandId).toBeUndefined();
    expect(inspectionOf(sent)).toEqual([MY_NUMBER_XLSX]);
  });

  it('does not block the same attachment to internal recipients only', async () => {
    const sent = await send({
      to: [recipient('jiro@example.co.jp', 'user')],
      attachments: [attachment('名簿.xlsx', 5_000)],
      sessionData: cache([MY_NUMBER_XLSX]),
    });
    expect(sent.options).toEqual({ allowEvent: true });
  });

  it('reports an attachment without a cached outcome as pending, without reading its content', async () => {
    const sent = await send({ to: EXTERNAL, attachments: [attachment('見積.xlsx', 8_000)] });
    expect(inspectionOf(sent)).toEqual([pendingEntry({ name: '見積.xlsx', size: 8_000 }, 'not-inspected')]);
    expect(sent.evaluate.mock.results[0]?.value).toMatchObject({
      findings: expect.arrayContaining([expect.objectContaining({ rule: 'uninspectable-attachment' })]),
    });
    expect(sent.options.allowEvent).toBe(false);
    expect(sent.fake.calls.filter((call) => call.operation === 'getAttachmentContentAsync')).toEqual([]);
  });

  it.each([
    ['an entry of the wrong shape', [{ ...MY_NUMBER_XLSX, status: 'clean' }]],
    ['an entry with a negative count', [{ ...MY_NUMBER_XLSX, personalData: [{ ...MY_NUMBER_XLSX.personalData[0], high: -1 }] }]],
    ['a value that is not JSON', '[{"name":'],
    ['a __proto__ key', '[{"__proto__":{}}]'],
  ])('treats %s in the cache as pending, not as a crash', async (_label, entries) => {
    const sent = await send({ to: EXTERNAL, attachments: [attachment('名簿.xlsx', 5_000)], sessionData: cache(entries) });
    expect(inspectionOf(sent)).toEqual([pendingEntry({ name: '名簿.xlsx', size: 5_000 }, 'not-inspected')]);
    expect(sent.options.errorMessage ?? '').not.toContain('1234 **** 9018');
  });

  it('ignores a cached outcome for an attachment of another size (a replaced file)', async () => {
    const sent = await send({ to: EXTERNAL, attachments: [attachment('名簿.xlsx', 6_000)], sessionData: cache([MY_NUMBER_XLSX]) });
    expect(inspectionOf(sent)).toEqual([pendingEntry({ name: '名簿.xlsx', size: 6_000 }, 'not-inspected')]);
  });
});

describe('subject and body at send', () => {
  it('blocks My Number in the body to an external recipient with the masked sample', async () => {
    const sent = await send({ to: EXTERNAL, subject: '資料', body: '私の個人番号は 1234 5678 9018 です。' });
    expect(sent.options.allowEvent).toBe(false);
    expect(sent.options.errorMessage).toContain('1234 **** 9018');
    expect(sent.options.errorMessage).not.toContain('1234 5678 9018');
  });

  it('finds personal data in the subject', async () => {
    const sent = await send({ to: EXTERNAL, subject: 'マイナンバー 1234-5678-9018' });
    expect(sent.evaluate.mock.calls[0]?.[2].inspection?.subject?.personalData.map((tally) => tally.kind)).toEqual(['my-number']);
    expect(sent.options.allowEvent).toBe(false);
  });

  it(`inspects the first ${MAX_INSPECTED_BODY_CHARS} characters of a longer body`, async () => {
    const filler = 'よろしくお願いします。\n'.repeat(Math.ceil(MAX_INSPECTED_BODY_CHARS / 12));
    const tail = '個人番号 2345 6789 0121';
    const whole = await send({ to: EXTERNAL, body: `個人番号 1234 5678 9018\n${tail}` });
    expect(whole.evaluate.mock.calls[0]?.[2].inspection?.body?.personalData.map((tally) => [tally.kind, tally.high])).toEqual([
      ['my-number', 2],
    ]);
    uninstallOffice();
    const sent = await send({ to: EXTERNAL, body: `個人番号 1234 5678 9018\n${filler}${tail}` });
    const tallies = sent.evaluate.mock.calls[0]?.[2].inspection?.body?.personalData ?? [];
    expect(tallies.map((tally) => [tally.kind, tally.high])).toEqual([['my-number', 1]]);
  });
});
