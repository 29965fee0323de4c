import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeHost } from '../../src/office/index.js';
import {
  canSendItem,
  composingMeeting,
  moveToBcc,
  sendItem,
  readSnapshot,
  recordConfirmation,
  readConfirmedFingerprint,
  onItemChanged,
  supportsMailbox,
  officeTheme,
} from '../../src/office/index.js';
import { EMPTY_CONTENT } from '../../src/playground/fake-office/compose-message.js';
import { PlaygroundHost } from '../../src/playground/playground-host.js';
import { recipient } from './fake-office/helpers.js';

function host(mailboxVersion: '1.12' | '1.14' | '1.15' = '1.15', permission: 'ReadWriteItem' | 'ReadWriteMailbox' = 'ReadWriteItem') {
  return new PlaygroundHost({
    settings: { displayLanguage: 'ja-JP', theme: 'dark', mailboxVersion, permission },
    internalDomains: ['example.co.jp'],
  });
}

const globals = globalThis as { Office?: unknown };

afterEach(() => {
  delete globals.Office;
});

describe('PlaygroundHost: launch events', () => {
  it('runs what the handler frame associated and resolves at the first event.completed', async () => {
    const playground = host();
    expect(playground.runSendHandler()).toBeNull();
    const extra: unknown[] = [];
    playground.officeFor('launchevent').actions.associate('onMessageSendHandler', (event) => {
      const mailboxEvent = event as Office.MailboxEvent;
      setTimeout(() => {
        mailboxEvent.completed({ allowEvent: false, errorMessage: 'first' });
        mailboxEvent.completed({ allowEvent: true });
      }, 1);
    });
    const completion = await playground.runSendHandler({ onExtraCompletion: (options) => extra.push(options) });
    expect(completion?.options).toEqual({ allowEvent: false, errorMessage: 'first' });
    expect(completion?.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(extra).toEqual([{ allowEvent: true }]);
  });

  it('reports a handler that throws', async () => {
    const playground = host();
    playground.officeFor('launchevent').actions.associate('onNewMessageComposeHandler', () => {
      throw new Error('boom');
    });
    const thrown: unknown[] = [];
    void playground.runComposeHandler({ onThrow: (error) => thrown.push(error) });
    expect(thrown).toHaveLength(1);
  });

  it('forgets the associations of a handler frame that reloads, and ignores the pane’s', async () => {
    const playground = host();
    playground.officeFor('launchevent').actions.associate('onMessageSendHandler', () => undefined);
    playground.officeFor('taskpane').actions.associate('onNewMessageComposeHandler', () => undefined);
    expect(playground.actions.get('onMessageSendHandler')).toBeDefined();
    expect(playground.actions.get('onNewMessageComposeHandler')).toBeUndefined();
    playground.officeFor('launchevent');
    expect(playground.actions.get('onMessageSendHandler')).toBeUndefined();
  });

  it('waits for a name to be associated', async () => {
    const playground = host();
    const waiting = playground.actions.whenAssociated('onMessageSendHandler');
    const handler = (): void => undefined;
    playground.officeFor('launchevent').actions.associate('onMessageSendHandler', handler);
    await expect(waiting).resolves.toBe(handler);
  });
});

describe('PlaygroundHost: context and settings', () => {
  it('claims the chosen requirement set, language and theme', () => {
    const office = host('1.14').officeFor('taskpane');
    expect(office.context.displayLanguage).toBe('ja-JP');
    expect(office.context.requirements.isSetSupported('Mailbox', '1.14')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.15')).toBe(false);
    expect(office.context.officeTheme?.bodyBackgroundColor).toBe('#292929');
    expect(host('1.12').officeFor('taskpane').context.officeTheme).toBeUndefined();
  });

  it('opens the pane with the Smart Alerts contextData, and tells an open pane instead of reloading it', async () => {
    const playground = host();
    expect(playground.deliverPaneContext('{"n":1}')).toBe(false);
    const item = playground.officeFor('taskpane').context.mailbox.item;
    const context = await new Promise<string>((resolve) => item?.getInitializationContextAsync((result) => resolve(result.value)));
    expect(context).toBe('{"n":1}');
    playground.closeFrame('taskpane');
    playground.clearPaneContext();
    const empty = playground.officeFor('taskpane').context.mailbox.item;
    expect(await new Promise<string>((resolve) => empty?.getInitializationContextAsync((result) => resolve(result.value)))).toBe('');
  });

  it('offers item.sendAsync only to the pane, on Mailbox 1.15 with ReadWriteMailbox', () => {
    expect(host('1.15', 'ReadWriteMailbox').officeFor('taskpane').context.mailbox.item).toHaveProperty('sendAsync');
    expect(host('1.15', 'ReadWriteMailbox').officeFor('launchevent').context.mailbox.item).not.toHaveProperty('sendAsync');
    expect(host('1.15', 'ReadWriteItem').officeFor('taskpane').context.mailbox.item).not.toHaveProperty('sendAsync');
    expect(host('1.14', 'ReadWriteMailbox').officeFor('taskpane').context.mailbox.item).not.toHaveProperty('sendAsync');
  });

  it('presses Send for the pane: a sent item never calls back, a stopped one reports a failure', async () => {
    const playground = host('1.15', 'ReadWriteMailbox');
    globals.Office = playground.officeFor('taskpane');
    const presses: string[] = [];
    playground.pressSend = () => {
      presses.push('send');
      return Promise.resolve(presses.length === 1 ? 'stopped' : 'sent');
    };
    expect(canSendItem()).toBe(true);
    await expect(sendItem({ timeoutMs: 1_000 })).rejects.toMatchObject({ operation: 'item.sendAsync' });
    let settled = false;
    void sendItem({ timeoutMs: 60_000 }).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(presses).toEqual(['send', 'send']);
    expect(settled).toBe(false);
  });

  it('resolves onReady with Outlook on the web', async () => {
    const info = await host().officeFor('taskpane').onReady();
    expect(info).toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
  });
});

describe('the Office gateway (src/office) against the fake', () => {
  it('fits the gateway’s OfficeHost type and reads a snapshot', async () => {
    const playground = host();
    const office: OfficeHost = playground.officeFor('taskpane');
    globals.Office = office;
    playground.message.setFrom({ address: 'taro@example.co.jp', name: '山田 太郎' });
    playground.message.setRecipients('to', [recipient('hanako@partner.co.jp', { name: 'Hanako' })]);
    playground.message.setRecipients('cc', [recipient('jiro@example.co.jp', { type: 'user', name: 'Jiro' })]);
    playground.message.setSubject('見積書');
    playground.message.addAttachment({ name: '見積書.xlsx', inline: false, contentBase64: 'QUJD' });
    const snapshot = await readSnapshot();
    expect(snapshot).toMatchObject({
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [{ address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' }],
      cc: [{ address: 'jiro@example.co.jp', name: 'Jiro', type: 'user' }],
      bcc: [],
      subject: '見積書',
      attachments: [{ name: '見積書.xlsx', size: 3, inline: false }],
    });
    expect(supportsMailbox('1.15')).toBe(true);
    expect(officeTheme()?.isDark).toBe(true);
  });

  it('reads a meeting as an AppointmentCompose: attendees as To and Cc, resources never', async () => {
    const playground = host();
    globals.Office = playground.officeFor('taskpane');
    playground.message.reset({
      ...EMPTY_CONTENT,
      kind: 'meeting',
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [recipient('hanako@partner.co.jp', { name: 'Hanako' })],
      cc: [recipient('jiro@example.co.jp', { type: 'user', name: 'Jiro' })],
      resources: [recipient('hall@venue.example', { name: 'Hall' })],
      location: 'Hall',
      subject: '定例会議',
    });
    const item = playground.officeFor('taskpane').context.mailbox.item;
    expect(item !== null && 'requiredAttendees' in item && !('to' in item)).toBe(true);
    expect(composingMeeting()).toBe(true);
    expect(await readSnapshot()).toMatchObject({
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [{ address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' }],
      cc: [{ address: 'jiro@example.co.jp', name: 'Jiro', type: 'user' }],
      bcc: [],
      subject: '定例会議',
    });
    await expect(moveToBcc(['hanako@partner.co.jp'])).rejects.toMatchObject({ operation: 'bcc.addAsync', kind: 'unavailable' });
    expect(playground.message.content.to).toHaveLength(1);
  });

  it('raises OnNewAppointmentOrganizer and OnAppointmentSend for a meeting, the message events for a message', async () => {
    const playground = host();
    const office = playground.officeFor('launchevent');
    const ran: string[] = [];
    for (const name of [
      'onNewMessageComposeHandler',
      'onMessageSendHandler',
      'onNewAppointmentOrganizerHandler',
      'onAppointmentSendHandler',
    ]) {
      office.actions.associate(name, (event) => {
        ran.push(name);
        (event as Office.MailboxEvent).completed();
      });
    }
    await playground.runComposeHandler();
    await playground.runSendHandler();
    playground.message.reset({ ...EMPTY_CONTENT, kind: 'meeting' });
    await playground.runComposeHandler();
    await playground.runSendHandler();
    expect(ran).toEqual([
      'onNewMessageComposeHandler',
      'onMessageSendHandler',
      'onNewAppointmentOrganizerHandler',
      'onAppointmentSendHandler',
    ]);
  });

  it('moves recipients to Bcc, keeping their names and types, and the pane hears about it', async () => {
    const playground = host();
    globals.Office = playground.officeFor('taskpane');
    playground.message.setRecipients('to', [
      recipient('a@partner.co.jp', { name: 'A' }),
      recipient('taro@example.co.jp', { type: 'user' }),
    ]);
    playground.message.setRecipients('cc', [recipient('b@other.example', { type: 'distributionList', name: 'B list' })]);
    let changes = 0;
    const unsubscribe = await onItemChanged(() => (changes += 1));
    await moveToBcc(['a@partner.co.jp', 'b@other.example']);
    const { to, cc, bcc } = playground.message.content;
    expect(to.map((entry) => entry.address)).toEqual(['taro@example.co.jp']);
    expect(cc).toEqual([]);
    expect(bcc.map((entry) => [entry.address, entry.name, entry.type])).toEqual([
      ['a@partner.co.jp', 'A', 'externalUser'],
      ['b@other.example', 'B list', 'distributionList'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(changes).toBeGreaterThan(0);
    await unsubscribe();
  });

  it('keeps the confirmation in sessionData for the next frame', async () => {
    const playground = host();
    globals.Office = playground.officeFor('taskpane');
    await recordConfirmation('fingerprint-1');
    globals.Office = playground.officeFor('launchevent');
    expect(await readConfirmedFingerprint()).toBe('fingerprint-1');
  });
});
