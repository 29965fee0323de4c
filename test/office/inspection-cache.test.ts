import { afterEach, describe, expect, it } from 'vitest';
import {
  fitInspectionCache,
  parseInspectionCache,
  readCachedInspections,
  SESSION_KEYS,
  updateInspectionCache,
} from '../../src/office/index.js';
import { pendingInspection as pendingEntry } from '../../src/inspect/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';
import { createOfficeFake } from '../fakes/office-fake.js';

function inspected(name: string, samples = 3): AttachmentInspection {
  const highSamples = ['1234 **** 9018', '2345 **** 0123', '3456 **** 1234'].slice(0, samples);
  return {
    name,
    size: 100,
    status: 'inspected',
    reason: '',
    unread: [],
    personalData: [{ kind: 'my-number', high: samples, low: 0, highSamples, lowSamples: [], parts: ['sheet:名簿', 'sheet:別紙'] }],
  };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('parseInspectionCache', () => {
  it('reads every well-formed entry', () => {
    const entries = [inspected('a.csv'), pendingEntry({ name: 'b.xlsx', size: 5 }, 'handler-format')];
    expect(parseInspectionCache(JSON.stringify(entries))).toEqual(entries);
  });

  it.each([
    ['absent', undefined],
    ['not JSON', '{'],
    ['not an array', '{"attachments":[]}'],
    ['a __proto__ key', '[{"__proto__":{"status":"inspected"}}]'],
  ])('%s gives no entries', (_label, text) => {
    expect(parseInspectionCache(text)).toEqual([]);
  });

  it('leaves out a corrupt entry and keeps the others', () => {
    const good = inspected('a.csv');
    const text = JSON.stringify([{ ...good, status: 'clean' }, good, { ...good, size: -1 }, 'x']);
    expect(parseInspectionCache(text)).toEqual([good]);
  });
});

describe('fitInspectionCache', () => {
  const entries = [inspected('a.csv'), inspected('b.csv')];
  const full = JSON.stringify(entries).length;

  it('keeps everything that fits', () => {
    expect(fitInspectionCache(entries, full).entries).toEqual(entries);
  });

  it('first keeps one sample and one part per kind', () => {
    const { entries: fitted, text } = fitInspectionCache(entries, full - 1);
    expect(text.length).toBeLessThan(full);
    expect(fitted.map((entry) => entry.personalData[0])).toEqual([
      { kind: 'my-number', high: 3, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:名簿'] },
      { kind: 'my-number', high: 3, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:名簿'] },
    ]);
  });

  it('then stores the largest entries as pending with reason cache-full', () => {
    const compact = (name: string): AttachmentInspection => {
      const entry = inspected(name, 1);
      return { ...entry, personalData: entry.personalData.map((tally) => ({ ...tally, parts: ['sheet:名簿'] })) };
    };
    const mixed = [compact('a.csv'), compact('a-much-longer-name-that-takes-room.csv')];
    const budget = JSON.stringify([mixed[0], pendingEntry(mixed[1]!, 'cache-full')]).length;
    const { entries: fitted, text } = fitInspectionCache(mixed, budget);
    expect(fitted).toEqual([mixed[0], pendingEntry(mixed[1]!, 'cache-full')]);
    expect(text.length).toBeLessThanOrEqual(budget);
  });

  it('never exceeds the budget, even when nothing fits', () => {
    expect(fitInspectionCache(entries, 10)).toEqual({ entries: [], text: '[]' });
  });
});

describe('updateInspectionCache', () => {
  it('reads, updates and writes preflight.inspection', async () => {
    const fake = createOfficeFake({ mail: { sessionData: new Map([[SESSION_KEYS.inspection, JSON.stringify([inspected('a.csv')])]]) } });
    uninstall = fake.install();
    const stored = await updateInspectionCache((current) => [...current, inspected('b.csv')]);
    expect(stored.map((entry) => entry.name)).toEqual(['a.csv', 'b.csv']);
    expect(parseInspectionCache(fake.mail.sessionData.get(SESSION_KEYS.inspection))).toEqual(stored);
    expect(await readCachedInspections()).toEqual(stored);
  });

  it('keeps within its share of the 50,000-character sessionData on clients before Mailbox 1.16', async () => {
    const fake = createOfficeFake({ mailbox: '1.15' });
    uninstall = fake.install();
    const many = Array.from({ length: 40 }, (_, index) => inspected(`名簿-${index}.csv`));
    const stored = await updateInspectionCache(() => many);
    const text = fake.mail.sessionData.get(SESSION_KEYS.inspection) ?? '';
    expect(SESSION_KEYS.inspection.length + text.length).toBeLessThanOrEqual(4_500);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((entry) => entry.status === 'pending' && entry.reason === 'cache-full')).toBe(true);
  });

  it('writes nothing on a client without sessionData', async () => {
    const fake = createOfficeFake({ withoutSessionData: true });
    uninstall = fake.install();
    expect(await updateInspectionCache(() => [inspected('a.csv')])).toEqual([]);
    expect(fake.calls.filter((call) => call.operation === 'sessionData.setAsync')).toEqual([]);
  });
});
