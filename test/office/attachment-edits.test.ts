import { afterEach, describe, expect, it } from 'vitest';
import {
  addAttachmentFromBase64,
  openNewMessage,
  prependBodyBlock,
  readAttachmentBase64,
  removeAttachment,
} from '../../src/office/index.js';
import { attachment, createOfficeFake } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(bodyType: 'html' | 'text' = 'html') {
  const fake = createOfficeFake({ mail: { attachments: [attachment('見積書.xlsx', 4096)], body: 'Dear Hanako', bodyType } });
  uninstall = fake.install();
  return fake;
}

describe('attachment edits', () => {
  it('adds a file from base64 and resolves to its id, whose content reads back', async () => {
    const fake = install();
    const id = await addAttachmentFromBase64('UEsDBA==', '見積書.zip');
    expect(fake.mail.attachments.map((entry) => entry.name)).toEqual(['見積書.xlsx', '見積書.zip']);
    expect(await readAttachmentBase64(id)).toEqual({ kind: 'base64', content: 'UEsDBA==' });
  });

  it('removes an attachment by id, and rejects naming the operation for an unknown one', async () => {
    const fake = install();
    await removeAttachment('id-見積書.xlsx');
    expect(fake.mail.attachments).toEqual([]);
    await expect(removeAttachment('id-gone')).rejects.toMatchObject({ operation: 'removeAttachmentAsync' });
  });

  it('opens a new message with the recipients, subject and body, and sends nothing', () => {
    const fake = install();
    openNewMessage({ toRecipients: ['hanako@partner.example'], ccRecipients: [], subject: 'パスワード', htmlBody: '<p>Kp7v</p>' });
    expect(fake.newMessages).toEqual([
      { toRecipients: ['hanako@partner.example'], ccRecipients: [], subject: 'パスワード', htmlBody: '<p>Kp7v</p>' },
    ]);
  });

  it.each([
    ['html', '<p>links</p>Dear Hanako'],
    ['text', 'links\nDear Hanako'],
  ] as const)('puts a block at the top of a %s body in that format', async (bodyType, body) => {
    const fake = install(bodyType);
    expect(await prependBodyBlock({ html: '<p>links</p>', text: 'links\n' })).toBe(bodyType);
    expect(fake.mail.body).toBe(body);
    const prepend = fake.calls.find((call) => call.operation === 'body.prependAsync');
    expect(prepend?.args[1]).toEqual({ coercionType: bodyType });
  });

  it('rejects naming the operation when Outlook refuses the block, and leaves the body', async () => {
    const fake = install();
    fake.behave('body.prependAsync', { kind: 'fail' });
    await expect(prependBodyBlock({ html: '<p>links</p>', text: 'links' })).rejects.toMatchObject({ operation: 'body.prependAsync' });
    expect(fake.mail.body).toBe('Dear Hanako');
  });
});
