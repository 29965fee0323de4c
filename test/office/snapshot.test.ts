import { afterEach, describe, expect, it } from 'vitest';
import { OfficeCallError, readSendState, readSnapshot, SESSION_KEYS } from '../../src/office/index.js';
import { attachment, createOfficeFake, recipient, SEND_OPERATIONS, type OfficeFakeOptions } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(options: OfficeFakeOptions = {}) {
  const fake = createOfficeFake(options);
  uninstall = fake.install();
  return fake;
}

describe('readSnapshot', () => {
  it('maps recipients, sender, subject, plain-text body and attachments', async () => {
    install({
      mail: {
        to: [recipient('hanako@partner.co.jp', 'externalUser', 'Hanako'), recipient('jiro@example.co.jp', 'user', 'jiro@example.co.jp')],
        cc: [recipient('all@example.co.jp', 'distributionList', 'All staff')],
        bcc: [recipient('x@unknown.test', 'somethingNew', '')],
        subject: '見積書',
        body: 'plain text',
        attachments: [attachment('見積書.xlsx', 18342), attachment('logo.png', 512, true)],
      },
    });
    expect(await readSnapshot()).toEqual({
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [
        { address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' },
        { address: 'jiro@example.co.jp', type: 'user' },
      ],
      cc: [{ address: 'all@example.co.jp', name: 'All staff', type: 'distributionList' }],
      bcc: [{ address: 'x@unknown.test' }],
      subject: '見積書',
      body: 'plain text',
      attachments: [
        { id: 'id-見積書.xlsx', name: '見積書.xlsx', size: 18342, inline: false },
        { id: 'id-logo.png', name: 'logo.png', size: 512, inline: true },
      ],
    });
  });

  it.each([
    [
      'address only in the display name (contact card)',
      recipient('', 'other', 'card@partner.co.jp'),
      { address: 'card@partner.co.jp', type: 'other' },
    ],
    [
      'contact list without SMTP address is kept',
      recipient('', 'distributionList', 'My team'),
      { address: '', name: 'My team', type: 'distributionList' },
    ],
    ['surrounding spaces', recipient('  a@b.jp ', 'user', ' A '), { address: 'a@b.jp', name: 'A', type: 'user' }],
  ])('keeps a recipient: %s', async (_case, details, expected) => {
    install({ mail: { to: [details] } });
    expect((await readSnapshot()).to).toEqual([expected]);
  });

  it('reads the original recipients that the compose handler stored', async () => {
    const original = [{ address: 'hanako@partner.co.jp', name: 'Hanako' }, { address: 'jiro@example.co.jp' }];
    install({ mail: { sessionData: new Map([[SESSION_KEYS.original, JSON.stringify(original)]]) } });
    expect((await readSnapshot()).originalRecipients).toEqual(original);
  });

  it.each([
    ['no key (a new message)', new Map<string, string>()],
    ['not JSON', new Map([[SESSION_KEYS.original, '[{']])],
    ['not a list of addresses', new Map([[SESSION_KEYS.original, '[{"name":"x"}]']])],
    ['a __proto__ key', new Map([[SESSION_KEYS.original, '[{"address":"a@b.jp","__proto__":{"x":1}}]']])],
  ])('leaves originalRecipients absent for %s', async (_case, sessionData) => {
    install({ mail: { sessionData } });
    expect(await readSnapshot()).not.toHaveProperty('originalRecipients');
  });

  it('works on clients without sessionData (before Mailbox 1.11) or item.from (before 1.7)', async () => {
    const fake = install({ withoutSessionData: true, withoutFrom: true, mail: { to: [recipient('a@b.jp')] } });
    const snapshot = await readSnapshot();
    expect(snapshot).not.toHaveProperty('from');
    expect(snapshot).not.toHaveProperty('originalRecipients');
    expect(fake.calls.map((call) => call.operation)).not.toContain('sessionData.getAllAsync');
  });

  it.each(SEND_OPERATIONS)('rejects with an OfficeCallError naming %s when it fails', async (operation) => {
    const fake = install();
    fake.behave(operation, { kind: 'fail', code: 9020 });
    const error: unknown = await readSnapshot().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ operation, kind: 'failed', code: '9020' });
  });
});

describe('readSendState', () => {
  it('returns the confirmed fingerprint and the cached policy document with the snapshot', async () => {
    install({
      mail: {
        sessionData: new Map([
          [SESSION_KEYS.confirmation, JSON.stringify({ fingerprint: 'fp-1', at: 1 })],
          [SESSION_KEYS.policy, JSON.stringify({ version: 1, onError: 'allow' })],
        ]),
      },
    });
    const state = await readSendState();
    expect(state.confirmedFingerprint).toBe('fp-1');
    expect(state.cachedPolicy).toEqual({ version: 1, onError: 'allow' });
    expect(state.snapshot.to).toEqual([]);
  });

  it.each([
    ['nothing stored', new Map<string, string>()],
    ['broken confirmation', new Map([[SESSION_KEYS.confirmation, '{"fingerprint":42}']])],
    ['empty fingerprint', new Map([[SESSION_KEYS.confirmation, '{"fingerprint":""}']])],
  ])('has no confirmed fingerprint when %s', async (_case, sessionData) => {
    install({ mail: { sessionData } });
    expect((await readSendState()).confirmedFingerprint).toBeNull();
  });
});
