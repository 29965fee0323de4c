import { afterEach, describe, expect, it } from 'vitest';
import { readAttachmentBase64 } from '../../src/office/index.js';
import { createOfficeFake } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(contents: Record<string, { format: string; content: string }>) {
  const fake = createOfficeFake();
  for (const [id, content] of Object.entries(contents)) fake.mail.attachmentContents.set(id, content);
  uninstall = fake.install();
  return fake;
}

describe('readAttachmentBase64', () => {
  it.each([
    ['a file', { format: 'base64', content: 'SGVsbG8=' }, { kind: 'base64', content: 'SGVsbG8=' }],
    ['an attached mail item', { format: 'eml', content: 'Subject: x\r\n\r\nbody' }, { kind: 'eml', content: 'Subject: x\r\n\r\nbody' }],
    ['a cloud attachment', { format: 'url', content: 'https://example.com/f' }, { kind: 'unsupported', format: 'url' }],
  ])('hands over %s as Office gives it', async (_label, stored, expected) => {
    install({ 'att-1': stored });
    expect(await readAttachmentBase64('att-1')).toEqual(expected);
  });

  it('rejects with the operation when Office does not know the id', async () => {
    install({});
    await expect(readAttachmentBase64('missing')).rejects.toMatchObject({ operation: 'getAttachmentContentAsync' });
  });
});
