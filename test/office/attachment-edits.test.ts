import { afterEach, describe, expect, it } from 'vitest';
import { addAttachmentFromBase64, openNewMessage, readAttachmentBase64, removeAttachment } from '../../src/office/index.js';
import { attachment, createOfficeFake } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install() {
  const fake = createOfficeFake({ mail: { attachments: [attachment('見積書.xlsx', 4096)] } });
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
    expect(fake.newMessages).toEqual([{ toRecipients: ['hanako@partner.example'], ccRecipients: [], subject: 'パスワード', htmlBody: '<p>Kp7v</p>' }]);
  });
});
