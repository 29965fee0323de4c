import { afterEach, describe, expect, it } from 'vitest';
import {
  cachePolicy,
  captureOriginalRecipients,
  readCachedPolicy,
  readConfirmedFingerprint,
  readProtectionState,
  readSendState,
  recordConfirmation,
  recordProtection,
  SESSION_KEYS,
  sessionDataLimit,
} from '../../src/office/index.js';
import { createOfficeFake, recipient, type OfficeFakeOptions } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(options: OfficeFakeOptions = {}) {
  const fake = createOfficeFake(options);
  uninstall = fake.install();
  return fake;
}

describe('confirmation', () => {
  it('records the fingerprint with a time and reads it back', async () => {
    const fake = install();
    await recordConfirmation('fp-42');
    const stored: unknown = JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.confirmation) ?? 'null');
    expect(stored).toEqual({ fingerprint: 'fp-42', at: expect.any(Number) });
    expect(await readConfirmedFingerprint()).toBe('fp-42');
  });

  it('rejects when the client has no sessionData', async () => {
    install({ withoutSessionData: true });
    await expect(recordConfirmation('fp')).rejects.toMatchObject({ operation: 'sessionData.setAsync', kind: 'unavailable' });
    expect(await readConfirmedFingerprint()).toBeNull();
  });
});

describe('policy cache', () => {
  it('stores the document as JSON and reads it back', async () => {
    install();
    expect(await readCachedPolicy()).toBeNull();
    await cachePolicy({ version: 1, internalDomains: ['example.co.jp'] });
    expect(await readCachedPolicy()).toEqual({ version: 1, internalDomains: ['example.co.jp'] });
  });

  it.each([
    ['1.15', 50_000, false],
    ['1.16', 2_621_440, true],
  ] as const)('on Mailbox %s (limit %i) a 30,000-character policy is cached: %s', async (mailbox, limit, cached) => {
    const fake = install({ mailbox });
    expect(sessionDataLimit()).toBe(limit);
    await cachePolicy({ version: 1, padding: 'x'.repeat(30_000) });
    expect(fake.mail.sessionData.has(SESSION_KEYS.policy)).toBe(cached);
  });
});

describe('captureOriginalRecipients', () => {
  it('stores To, Cc and Bcc of a reply as people', async () => {
    const fake = install({
      mail: { to: [recipient('hanako@partner.co.jp', 'externalUser', 'Hanako')], cc: [recipient('jiro@example.co.jp', 'user', '')] },
    });
    expect(await captureOriginalRecipients()).toBe(2);
    expect(JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.original) ?? 'null')).toEqual([
      { address: 'hanako@partner.co.jp', name: 'Hanako' },
      { address: 'jiro@example.co.jp' },
    ]);
  });

  it('stores nothing for a new message without recipients', async () => {
    const fake = install();
    expect(await captureOriginalRecipients()).toBe(0);
    expect(fake.calls.map((call) => call.operation)).not.toContain('sessionData.setAsync');
  });
});

describe('protection record', () => {
  const ZIP = { name: '見積書.zip', size: 20480, method: 'aes256' } as const;

  it('starts empty, records what the update returns, and reads it back', async () => {
    const fake = install();
    expect(await readProtectionState()).toEqual({ zips: [], links: [] });
    const seen: unknown[] = [];
    await recordProtection((current) => {
      seen.push(current);
      return { ...current, zips: [...current.zips, ZIP] };
    });
    await recordProtection((current) => {
      seen.push(current);
      return { ...current, links: [...current.links, { packageId: 'pkg-1', files: 2 }] };
    });
    expect(seen).toEqual([
      { zips: [], links: [] },
      { zips: [ZIP], links: [] },
    ]);
    expect(JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.protection) ?? 'null')).toEqual({
      zips: [ZIP],
      links: [{ packageId: 'pkg-1', files: 2 }],
    });
    expect(await readProtectionState()).toEqual({ zips: [ZIP], links: [{ packageId: 'pkg-1', files: 2 }] });
    expect(SESSION_KEYS.protection).toBe('preflight.protection');
  });

  it.each([
    ['not JSON', '{zips'],
    ['a wrong shape', JSON.stringify({ zips: [{ name: 'a.zip', size: '1', method: 'aes256' }], links: [] })],
    ['a __proto__ key', '{"zips":[],"links":[],"__proto__":{}}'],
    ['an extra key', JSON.stringify({ zips: [], links: [], all: true })],
  ])('a corrupt record (%s) counts as nothing protected', async (_case, stored) => {
    install({ mail: { sessionData: new Map([[SESSION_KEYS.protection, stored]]) } });
    expect(await readProtectionState()).toEqual({ zips: [], links: [] });
    expect((await readSendState()).protection).toBeNull();
    const seen: unknown[] = [];
    await recordProtection((current) => {
      seen.push(current);
      return current;
    });
    expect(seen).toEqual([{ zips: [], links: [] }]);
  });

  it('readSendState carries the record to the send handler', async () => {
    install({ mail: { sessionData: new Map([[SESSION_KEYS.protection, JSON.stringify({ zips: [ZIP], links: [] })]]) } });
    expect((await readSendState()).protection).toEqual({ zips: [ZIP], links: [] });
  });

  it('rejects when the client has no sessionData, so the pane can say protection was not recorded', async () => {
    install({ withoutSessionData: true });
    await expect(recordProtection((current) => current)).rejects.toMatchObject({ operation: 'sessionData.setAsync' });
  });
});
