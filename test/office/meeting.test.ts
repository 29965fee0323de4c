// A meeting the organiser composes (Office.AppointmentCompose) read into the same snapshot as a message.
import { afterEach, describe, expect, it } from 'vitest';
import {
  captureOriginalRecipients,
  composingMeeting,
  moveToBcc,
  OfficeCallError,
  readSnapshot,
  removeRecipient,
  SESSION_KEYS,
} from '../../src/office/index.js';
import { attachment, createOfficeFake, MEETING_SEND_OPERATIONS, recipient, type OfficeFakeOptions } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(options: OfficeFakeOptions = {}) {
  const fake = createOfficeFake({ meeting: true, ...options });
  uninstall = fake.install();
  return fake;
}

const OUTSIDE = recipient('hanako@partner.co.jp', 'externalUser', 'Hanako');
const COLLEAGUE = recipient('jiro@example.co.jp', 'user', 'Jiro');
const ROOM = recipient('hall@venue.example', 'other', 'Conference hall');

describe('readSnapshot on a meeting', () => {
  it('reads required attendees as To, optional as Cc, no Bcc, the organiser as sender, and the rest as a message', async () => {
    const fake = install({
      mail: {
        requiredAttendees: [OUTSIDE],
        optionalAttendees: [COLLEAGUE],
        rooms: [ROOM],
        subject: '定例会議',
        body: 'agenda',
        attachments: [attachment('agenda.docx', 2048)],
      },
    });
    expect(await readSnapshot()).toEqual({
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [{ address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' }],
      cc: [{ address: 'jiro@example.co.jp', name: 'Jiro', type: 'user' }],
      bcc: [],
      subject: '定例会議',
      body: 'agenda',
      attachments: [{ id: 'id-agenda.docx', name: 'agenda.docx', size: 2048, inline: false }],
      kind: 'meeting',
    });
    const operations = fake.calls.map((call) => call.operation);
    expect(operations).toEqual(expect.arrayContaining(['requiredAttendees.getAsync', 'optionalAttendees.getAsync', 'organizer.getAsync']));
    expect(operations.filter((operation) => /^(to|cc|bcc|from)\.|enhancedLocation/.test(operation))).toEqual([]);
  });

  it('does not count a room as a recipient', async () => {
    install({ mail: { requiredAttendees: [COLLEAGUE], rooms: [ROOM] } });
    const snapshot = await readSnapshot();
    const addresses = [...snapshot.to, ...snapshot.cc, ...snapshot.bcc].map((entry) => entry.address);
    expect(addresses).toEqual(['jiro@example.co.jp']);
  });

  it.each(MEETING_SEND_OPERATIONS)('rejects with an OfficeCallError naming %s when it fails', async (operation) => {
    const fake = install();
    fake.behave(operation, { kind: 'fail', code: 9020 });
    const error: unknown = await readSnapshot().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect((error as OfficeCallError).operation).toBe(operation);
  });

  it('rejects with a timeout when an attendee call never answers', async () => {
    const fake = install();
    fake.behave('optionalAttendees.getAsync', { kind: 'hang' });
    const error: unknown = await readSnapshot({ timeoutMs: 20 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ operation: 'optionalAttendees.getAsync', kind: 'timeout' });
  });
});

describe('the other item calls on a meeting', () => {
  it('tells a meeting from a message by itemType', () => {
    install();
    expect(composingMeeting()).toBe(true);
    uninstall?.();
    uninstall = createOfficeFake().install();
    expect(composingMeeting()).toBe(false);
  });

  it('records the attendees a meeting started with, as a reply’s original recipients', async () => {
    const fake = install({ mail: { requiredAttendees: [OUTSIDE], optionalAttendees: [COLLEAGUE], rooms: [ROOM] } });
    expect(await captureOriginalRecipients()).toBe(2);
    expect(JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.original) ?? 'null')).toEqual([
      { address: 'hanako@partner.co.jp', name: 'Hanako' },
      { address: 'jiro@example.co.jp', name: 'Jiro' },
    ]);
  });

  it('refuses to move attendees to Bcc, changing nothing', async () => {
    const fake = install({ mail: { requiredAttendees: [OUTSIDE, COLLEAGUE] } });
    const error: unknown = await moveToBcc(['hanako@partner.co.jp']).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'OfficeCallError', operation: 'bcc.addAsync', kind: 'unavailable' });
    expect(fake.calls).toEqual([]);
    expect(fake.mail.requiredAttendees).toHaveLength(2);
  });

  it('removes a required attendee through requiredAttendees.setAsync', async () => {
    const fake = install({ mail: { requiredAttendees: [OUTSIDE, COLLEAGUE] } });
    await removeRecipient('hanako@partner.co.jp', 'to');
    expect(fake.mail.requiredAttendees.map((entry) => entry.emailAddress)).toEqual(['jiro@example.co.jp']);
    expect(fake.calls.map((call) => call.operation)).toEqual(['requiredAttendees.getAsync', 'requiredAttendees.setAsync']);
  });

  it('rejects any Bcc call on a meeting with a clear OfficeCallError', async () => {
    install();
    await expect(removeRecipient('a@b.jp', 'bcc')).rejects.toMatchObject({ operation: 'bcc.getAsync', kind: 'unavailable' });
  });
});
