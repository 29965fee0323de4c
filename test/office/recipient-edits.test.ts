import { afterEach, describe, expect, it } from 'vitest';
import { moveToBcc, OfficeCallError, removeRecipient } from '../../src/office/index.js';
import { createOfficeFake, recipient, type OfficeFakeOptions } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(options: OfficeFakeOptions = {}) {
  const fake = createOfficeFake(options);
  uninstall = fake.install();
  return fake;
}

const addresses = (list: readonly Office.EmailAddressDetails[]) => list.map((entry) => entry.emailAddress);
const writes = (fake: ReturnType<typeof install>) =>
  fake.calls.map((call) => call.operation).filter((operation) => !operation.endsWith('getAsync'));

function many(prefix: string, count: number): Office.EmailAddressDetails[] {
  return Array.from({ length: count }, (_, index) => recipient(`${prefix}${index}@partner.co.jp`));
}

describe('moveToBcc', () => {
  it('moves matching To and Cc recipients to Bcc and keeps everyone else in order', async () => {
    const fake = install({
      mail: {
        to: [recipient('a@partner.co.jp'), recipient('me@example.co.jp', 'user'), recipient('B@Partner.co.jp', 'externalUser', 'Bee')],
        cc: [recipient('c@other.jp'), recipient('b@partner.co.jp')],
        bcc: [recipient('c@other.jp')],
      },
    });
    await moveToBcc(['A@partner.co.jp', 'b@PARTNER.co.jp', 'c@other.jp', 'nobody@nowhere.jp']);
    expect(addresses(fake.mail.to)).toEqual(['me@example.co.jp']);
    expect(addresses(fake.mail.cc)).toEqual([]);
    expect(addresses(fake.mail.bcc)).toEqual(['c@other.jp', 'a@partner.co.jp', 'B@Partner.co.jp']);
    expect(fake.mail.bcc[2]?.displayName).toBe('Bee');
  });

  it('matches an internationalised domain in Unicode or punycode form', async () => {
    const fake = install({ mail: { to: [recipient('info@xn--wgv71a119e.jp')] } });
    await moveToBcc(['info@日本語.jp']);
    expect(addresses(fake.mail.bcc)).toEqual(['info@xn--wgv71a119e.jp']);
    expect(fake.mail.to).toEqual([]);
  });

  it('changes nothing, and writes nothing, when no address is in To or Cc', async () => {
    const fake = install({ mail: { to: [recipient('a@partner.co.jp')], bcc: [recipient('z@z.jp')] } });
    await moveToBcc(['z@z.jp', 'nobody@nowhere.jp']);
    await moveToBcc([]);
    expect(writes(fake)).toEqual([]);
  });

  it('adds to Bcc before rewriting To, so a failed rewrite never loses a recipient', async () => {
    const fake = install({ mail: { to: [recipient('a@partner.co.jp'), recipient('me@example.co.jp', 'user')] } });
    fake.behave('to.setAsync', { kind: 'fail', code: 5010 });
    await expect(moveToBcc(['a@partner.co.jp'])).rejects.toBeInstanceOf(OfficeCallError);
    expect(addresses(fake.mail.to)).toEqual(['a@partner.co.jp', 'me@example.co.jp']);
    expect(addresses(fake.mail.bcc)).toEqual(['a@partner.co.jp']);
  });

  it('adds more than 100 recipients in calls of at most 100', async () => {
    const fake = install({ mail: { to: many('t', 150) } });
    await moveToBcc(fake.mail.to.map((entry) => entry.emailAddress));
    expect(fake.mail.bcc).toHaveLength(150);
    expect(fake.mail.to).toEqual([]);
    expect(writes(fake)).toEqual(['bcc.addAsync', 'bcc.addAsync', 'to.setAsync']);
  });

  it('rewrites a list of more than 100 remaining recipients as setAsync plus addAsync', async () => {
    const fake = install({ mail: { to: [recipient('out@partner.co.jp'), ...many('stay', 120)] } });
    await moveToBcc(['out@partner.co.jp']);
    expect(addresses(fake.mail.to)).toEqual(many('stay', 120).map((entry) => entry.emailAddress));
    expect(writes(fake)).toEqual(['bcc.addAsync', 'to.setAsync', 'to.addAsync']);
  });
});

describe('removeRecipient', () => {
  it('removes every entry of the address from the given field only', async () => {
    const fake = install({
      mail: {
        to: [recipient('a@partner.co.jp'), recipient('keep@partner.co.jp', 'externalUser', 'Keep'), recipient('A@PARTNER.CO.JP')],
        cc: [recipient('a@partner.co.jp')],
      },
    });
    await removeRecipient('a@partner.co.jp', 'to');
    expect(addresses(fake.mail.to)).toEqual(['keep@partner.co.jp']);
    expect(fake.mail.to[0]?.displayName).toBe('Keep');
    expect(addresses(fake.mail.cc)).toEqual(['a@partner.co.jp']);
  });

  it('writes the details Office gave back, not bare addresses', async () => {
    const fake = install({ mail: { cc: [recipient('x@partner.co.jp'), recipient('list@example.co.jp', 'distributionList', 'List')] } });
    await removeRecipient('x@partner.co.jp', 'cc');
    const set = fake.calls.find((call) => call.operation === 'cc.setAsync');
    expect(set?.args[0]).toEqual([{ emailAddress: 'list@example.co.jp', displayName: 'List', recipientType: 'distributionList' }]);
  });

  it('does not rewrite the field when the address is not there', async () => {
    const fake = install({ mail: { bcc: [recipient('a@partner.co.jp')] } });
    await removeRecipient('b@partner.co.jp', 'bcc');
    await removeRecipient('  ', 'bcc');
    expect(writes(fake)).toEqual([]);
  });

  it('rejects with the failing operation', async () => {
    const fake = install({ mail: { to: [recipient('a@partner.co.jp')] } });
    fake.behave('to.getAsync', { kind: 'hang' });
    await expect(removeRecipient('a@partner.co.jp', 'to', { timeoutMs: 10 })).rejects.toMatchObject({
      operation: 'to.getAsync',
      kind: 'timeout',
    });
  });
});
