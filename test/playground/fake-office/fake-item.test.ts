import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { EVENT_TYPE } from '../../../src/playground/fake-office/enums.js';
import { call, drain, frameWith, recipient } from './helpers.js';

const SUCCEEDED = 0;
const FAILED = 1;

describe('fake item: answers like Outlook', () => {
  it('calls back after the call returns, never during it', async () => {
    const { item } = frameWith({ subject: 'hello' });
    let answered = false;
    item.subject.getAsync(() => {
      answered = true;
    });
    expect(answered).toBe(false);
    await drain();
    expect(answered).toBe(true);
  });

  it('hands back asyncContext', async () => {
    const { item } = frameWith();
    const result = await call<string>((callback) => item.subject.getAsync({ asyncContext: { tag: 7 } }, callback));
    expect(result.asyncContext).toEqual({ tag: 7 });
  });
});

describe('fake item: recipients', () => {
  it('returns only resolved recipients, as EmailAddressDetails', async () => {
    const { item } = frameWith({
      to: [recipient('a@partner.example', { name: 'A' }), recipient('typing@partner.example', { resolved: false })],
    });
    const result = await call<Office.EmailAddressDetails[]>((callback) => item.to.getAsync(callback));
    expect(result.status).toBe(SUCCEEDED);
    expect(result.value).toEqual([
      { emailAddress: 'a@partner.example', displayName: 'A', recipientType: 'externalUser', appointmentResponse: 'none' },
    ]);
  });

  it.each([
    { count: 100, status: SUCCEEDED, stored: 100 },
    { count: 101, status: FAILED, stored: 0 },
  ])('setAsync with $count recipients: status $status', async ({ count, status, stored }) => {
    const { item, message } = frameWith();
    const addresses = Array.from({ length: count }, (_, index) => `user${index}@partner.example`);
    const result = await call<void>((callback) => item.cc.setAsync(addresses, callback));
    expect(result.status).toBe(status);
    if (status === FAILED) expect(result.error.name).toBe('NumberOfRecipientsExceeded');
    expect(message.content.cc).toHaveLength(stored);
  });

  it('types new addresses by the organisation’s domains and keeps the type of known ones', async () => {
    const { item, message } = frameWith({ to: [recipient('list@partner.example', { type: 'distributionList', name: 'List' })] });
    await call<void>((callback) =>
      item.bcc.addAsync(
        ['taro@example.co.jp', 'hanako@sub.example.co.jp', 'x@partner.example', { displayName: '', emailAddress: 'list@partner.example' }],
        callback,
      ),
    );
    expect(message.content.bcc.map((entry) => [entry.address, entry.type, entry.name])).toEqual([
      ['taro@example.co.jp', 'user', 'taro@example.co.jp'],
      ['hanako@sub.example.co.jp', 'user', 'hanako@sub.example.co.jp'],
      ['x@partner.example', 'externalUser', 'x@partner.example'],
      ['list@partner.example', 'distributionList', 'List'],
    ]);
  });

  it('keeps a recipientType the add-in states', async () => {
    const { item, message } = frameWith();
    const details: Office.EmailAddressDetails = {
      emailAddress: 'x@example.co.jp',
      displayName: 'X',
      recipientType: 'other',
      appointmentResponse: 'none',
    };
    await call<void>((callback) => item.to.setAsync([details], callback));
    expect(message.content.to[0]?.type).toBe('other');
  });

  it('fails setAsync when given no array', async () => {
    const { item } = frameWith();
    const result = await call<void>((callback) => item.to.setAsync('a@b.example' as unknown as string[], callback));
    expect(result.status).toBe(FAILED);
  });
});

describe('fake item: from, subject, body, attachments', () => {
  it('reads from, subject and body (Text and Html)', async () => {
    const { item } = frameWith({ from: { address: 'taro@example.co.jp', name: '山田 太郎' }, subject: '見積書', body: 'a < b\n\nend' });
    const from = await call<Office.EmailAddressDetails>((callback) => item.from.getAsync(callback));
    expect(from.value).toEqual({ emailAddress: 'taro@example.co.jp', displayName: '山田 太郎' });
    expect((await call<string>((callback) => item.subject.getAsync(callback))).value).toBe('見積書');
    expect((await call<string>((callback) => item.body.getAsync('text', callback))).value).toBe('a < b\n\nend');
    expect((await call<string>((callback) => item.body.getAsync('html', callback))).value).toBe(
      '<html><body><div>a &lt; b</div><div><br></div><div>end</div></body></html>',
    );
    const wrong = await call<string>((callback) => item.body.getAsync('ooxml', callback));
    expect(wrong.status).toBe(FAILED);
  });

  it('gives the body type the form is set to, and an HTML body as its source or its visible text', async () => {
    const { item, message } = frameWith({ body: 'plain' });
    expect((await call<Office.CoercionType>((callback) => item.body.getTypeAsync(callback))).value).toBe('text');
    message.setBodyFormat('html');
    expect((await call<Office.CoercionType>((callback) => item.body.getTypeAsync(callback))).value).toBe('html');
    message.setBody('<html><body><p>Dear <b>Hanako</b> &amp; team</p><p>Thanks</p></body></html>');
    expect((await call<string>((callback) => item.body.getAsync('html', callback))).value).toBe(message.content.body);
    expect((await call<string>((callback) => item.body.getAsync('text', callback))).value).toBe('Dear Hanako & team\nThanks');
  });

  it('prepends text to a text body and refuses HTML there, as Outlook does', async () => {
    const { item, message } = frameWith({ body: 'end' });
    const text = await call<void>((callback) => item.body.prependAsync('start\n', { coercionType: 'text' }, callback));
    expect(text.status).toBe(SUCCEEDED);
    const html = await call<void>((callback) => item.body.prependAsync('<p>x</p>', { coercionType: 'html' }, callback));
    expect([html.status, html.error.name]).toEqual([FAILED, 'Invalid Coercion Type']);
    expect(message.content.body).toBe('start\nend');
  });

  it('prepends HTML inside an HTML body’s <body>, and text there as escaped lines', async () => {
    const { item, message } = frameWith({
      bodyFormat: 'html',
      body: '<html><head><title>t</title></head><body class="b"><p>end</p></body></html>',
    });
    await call<void>((callback) => item.body.prependAsync('<div>block</div>', { coercionType: 'html' }, callback));
    expect(message.content.body).toBe('<html><head><title>t</title></head><body class="b"><div>block</div><p>end</p></body></html>');
    await call<void>((callback) => item.body.prependAsync('a < b\nc', { coercionType: 'text' }, callback));
    expect(message.content.body).toContain('<body class="b">a &lt; b<br>c<div>block</div>');
    const fragment = frameWith({ bodyFormat: 'html', body: '<p>no body tag</p>' });
    await call<void>((callback) => fragment.item.body.prependAsync('<i>top</i>', { coercionType: 'html' }, callback));
    expect(fragment.message.content.body).toBe('<i>top</i><p>no body tag</p>');
  });

  it('lists attachments and gives their content as base64', async () => {
    const { item, message } = frameWith();
    const added = message.addAttachment({ name: '見積書.xlsx', inline: false, contentBase64: 'QUJD' });
    const list = await call<Office.AttachmentDetailsCompose[]>((callback) => item.getAttachmentsAsync(callback));
    expect(list.value).toEqual([
      expect.objectContaining({ id: added.id, name: '見積書.xlsx', size: 3, isInline: false, attachmentType: 'file' }),
    ]);
    const content = await call<Office.AttachmentContent>((callback) => item.getAttachmentContentAsync(added.id, callback));
    expect(content.value).toEqual({ format: 'base64', content: 'QUJD' });
    const missing = await call<Office.AttachmentContent>((callback) => item.getAttachmentContentAsync('nope', callback));
    expect([missing.status, missing.error.name]).toEqual([FAILED, 'InvalidAttachmentId']);
  });
});

describe('fake item: events', () => {
  it('raises RecipientsChanged with the fields that changed, for the form and the add-in alike', async () => {
    const { item, message } = frameWith();
    const seen: Office.RecipientsChangedEventArgs[] = [];
    await call<void>((callback) =>
      item.addHandlerAsync(EVENT_TYPE.RecipientsChanged, (args: Office.RecipientsChangedEventArgs) => seen.push(args), callback),
    );
    message.addRecipients('cc', [recipient('a@partner.example')]);
    await call<void>((callback) => item.bcc.setAsync(['b@partner.example'], callback));
    await drain();
    expect(
      seen.map((args) => [args.type, args.changedRecipientFields.to, args.changedRecipientFields.cc, args.changedRecipientFields.bcc]),
    ).toEqual([
      ['olkRecipientsChanged', false, true, false],
      ['olkRecipientsChanged', false, false, true],
    ]);
  });

  it('on a meeting, reports attendee and resource changes, and never To, Cc or Bcc', async () => {
    const { meeting, message } = frameWith({ kind: 'meeting' });
    const seen: Office.RecipientsChangedFields[] = [];
    await call<void>((callback) =>
      meeting.addHandlerAsync(
        EVENT_TYPE.RecipientsChanged,
        (args: Office.RecipientsChangedEventArgs) => seen.push(args.changedRecipientFields),
        callback,
      ),
    );
    await call<void>((callback) => meeting.requiredAttendees.addAsync(['a@partner.example'], callback));
    message.addRecipients('resources', [recipient('room@example.co.jp')]);
    await drain();
    expect(seen).toEqual([
      { to: false, cc: false, bcc: false, requiredAttendees: true, optionalAttendees: false, resources: false },
      { to: false, cc: false, bcc: false, requiredAttendees: false, optionalAttendees: false, resources: true },
    ]);
    const attendees = await call<Office.EmailAddressDetails[]>((callback) => meeting.requiredAttendees.getAsync(callback));
    expect(attendees.value.map((entry) => entry.emailAddress)).toEqual(['a@partner.example']);
  });

  it('stays silent while a recipient is unresolved and speaks when it resolves', async () => {
    const { item, message } = frameWith();
    let count = 0;
    await call<void>((callback) => item.addHandlerAsync(EVENT_TYPE.RecipientsChanged, () => (count += 1), callback));
    message.addRecipients('to', [recipient('typing@partner.example', { resolved: false })]);
    await drain();
    expect(count).toBe(0);
    message.setResolved('to', 0, true);
    await drain();
    expect(count).toBe(1);
  });

  it('raises AttachmentsChanged with added and removed', async () => {
    const { item, message } = frameWith();
    const seen: string[] = [];
    await call<void>((callback) =>
      item.addHandlerAsync(
        EVENT_TYPE.AttachmentsChanged,
        (args: Office.AttachmentsChangedEventArgs) => seen.push(String(args.attachmentStatus)),
        callback,
      ),
    );
    const added = message.addAttachment({ name: 'a.txt', inline: false, contentBase64: 'QQ==' });
    message.removeAttachment(added.id);
    await drain();
    expect(seen).toEqual(['added', 'removed']);
  });

  it('stops after removeHandlerAsync and after the frame is disposed', async () => {
    const first = frameWith();
    let count = 0;
    await call<void>((callback) => first.item.addHandlerAsync(EVENT_TYPE.RecipientsChanged, () => (count += 1), callback));
    await call<void>((callback) => first.item.removeHandlerAsync(EVENT_TYPE.RecipientsChanged, callback));
    first.message.addRecipients('to', [recipient('a@partner.example')]);
    const second = frameWith();
    await call<void>((callback) => second.item.addHandlerAsync(EVENT_TYPE.RecipientsChanged, () => (count += 1), callback));
    second.frame.dispose();
    second.message.addRecipients('to', [recipient('a@partner.example')]);
    await drain();
    expect(count).toBe(0);
  });

  it('refuses events it does not emulate', async () => {
    const { item } = frameWith();
    const result = await call<void>((callback) => item.addHandlerAsync('olkAppointmentTimeChanged', () => undefined, callback));
    expect(result.status).toBe(FAILED);
  });

  it('gives the initialization context and tells an open pane when it changes', async () => {
    const { item, frame } = frameWith({}, '{"source":"preflight-send"}');
    expect((await call<string>((callback) => item.getInitializationContextAsync(callback))).value).toBe('{"source":"preflight-send"}');
    expect(frame.changeInitializationContext('second')).toBe(false);
    const seen: string[] = [];
    await call<void>((callback) =>
      item.addHandlerAsync(
        EVENT_TYPE.InitializationContextChanged,
        (args: Office.InitializationContextChangedEventArgs) => seen.push(args.initializationContextData),
        callback,
      ),
    );
    expect(frame.changeInitializationContext('third')).toBe(true);
    await drain();
    expect(seen).toEqual(['third']);
    expect((await call<string>((callback) => item.getInitializationContextAsync(callback))).value).toBe('third');
  });
});

describe('fake item: the hold and internet headers', () => {
  it('offers delayDeliveryTime from Mailbox 1.13 only, reporting 0 until a time is set', async () => {
    expect(frameWith({}, '', '1.12').item.delayDeliveryTime).toBeUndefined();
    const { item, message } = frameWith({}, '', '1.14');
    expect((await call<Date | 0>((callback) => item.delayDeliveryTime?.getAsync(callback))).value).toBe(0);
    const at = Date.UTC(2026, 11, 6, 5, 5);
    await call<void>((callback) => item.delayDeliveryTime?.setAsync(new Date(at), callback));
    expect(message.content.delayDeliveryMs).toBe(at);
    const read = (await call<Date | 0>((callback) => item.delayDeliveryTime?.getAsync(callback))).value;
    expect(read === 0 ? 0 : read.getTime()).toBe(at);
  });

  it('takes a Date made in another frame, as the handler frame passes it', async () => {
    const { item, message } = frameWith();
    const foreign = runInNewContext('new Date(1765000000000)') as Date;
    expect(foreign instanceof Date).toBe(false);
    const result = await call<void>((callback) => item.delayDeliveryTime?.setAsync(foreign, callback));
    expect(result.status).toBe(SUCCEEDED);
    expect(message.content.delayDeliveryMs).toBe(1765000000000);
  });

  it('refuses what is not a date', async () => {
    const { item, message } = frameWith();
    const result = await call<void>((callback) => item.delayDeliveryTime?.setAsync('tomorrow' as unknown as Date, callback));
    expect(result.status).toBe(FAILED);
    expect(message.content.delayDeliveryMs).toBe(0);
  });

  it('keeps the headers set, merged by name, and reads back only those asked for', async () => {
    const { item, message } = frameWith();
    await call<void>((callback) => item.internetHeaders.setAsync({ 'X-Preflight': 'v=1; decision=allow' }, callback));
    await call<void>((callback) => item.internetHeaders.setAsync({ 'X-Other': 'x' }, callback));
    expect(message.content.internetHeaders).toEqual({ 'X-Preflight': 'v=1; decision=allow', 'X-Other': 'x' });
    const read = await call<Record<string, string>>((callback) => item.internetHeaders.getAsync(['X-Preflight', 'X-Missing'], callback));
    expect(read.value).toEqual({ 'X-Preflight': 'v=1; decision=allow' });
  });
});
