import { describe, expect, it } from 'vitest';
import { base64ByteLength, ComposeMessage, EMPTY_CONTENT, type ItemChange } from '../../../src/playground/fake-office/compose-message.js';
import { recipient } from './helpers.js';

describe('ComposeMessage', () => {
  it('raises one RecipientsChanged for an edit of several fields, and none for a change add-ins cannot see', () => {
    const message = new ComposeMessage();
    const changes: ItemChange[] = [];
    message.onItemChange((change) => changes.push(change));
    message.replaceRecipients({ to: [recipient('a@x.example')], bcc: [recipient('b@x.example')] });
    message.replaceRecipients({ cc: [recipient('typing@x.example', { resolved: false })] });
    expect(changes).toEqual([{ kind: 'recipients', fields: { to: true, cc: false, bcc: true, resources: false } }]);
  });

  it('starts a new compose window with empty session data and tells views', () => {
    const message = new ComposeMessage();
    message.sessionData.set('preflight.confirmation', '{}');
    let views = 0;
    message.subscribe(() => (views += 1));
    message.reset({ ...EMPTY_CONTENT, subject: 'new' });
    expect(message.sessionData.size).toBe(0);
    expect(message.content.subject).toBe('new');
    expect(views).toBe(1);
  });

  it('converts the body when its format changes, as Outlook’s Format Text does', () => {
    const message = new ComposeMessage();
    message.setBody('Dear <Hanako>\n\nThanks');
    message.setBodyFormat('html');
    expect(message.content).toMatchObject({
      bodyFormat: 'html',
      body: '<html><body><div>Dear &lt;Hanako&gt;</div><div><br></div><div>Thanks</div></body></html>',
    });
    let views = 0;
    message.subscribe(() => (views += 1));
    message.setBodyFormat('html');
    expect(views).toBe(0);
    message.setBodyFormat('text');
    expect(message.content).toMatchObject({ bodyFormat: 'text', body: 'Dear <Hanako>\nThanks' });
  });

  it('gives each attachment its own id', () => {
    const message = new ComposeMessage();
    const first = message.addAttachment({ name: 'a', inline: false, contentBase64: '' });
    const second = message.addAttachment({ name: 'a', inline: true, contentBase64: '' });
    expect(first.id).not.toBe(second.id);
  });

  it.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJD\nRA==', 4],
  ])('counts the bytes of %j as %i', (base64, bytes) => {
    expect(base64ByteLength(base64)).toBe(bytes);
  });
});
