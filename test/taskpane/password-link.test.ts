import { describe, expect, it } from 'vitest';
import type { NewMessageForm } from '../../src/office/index.js';
import type { MessageSnapshot } from '../../src/policy/index.js';
import { sharePasswordByLink, type PasswordLinkPorts } from '../../src/taskpane/password-link.js';
import { SNAPSHOT } from './fixtures.js';

const MESSAGE: MessageSnapshot = {
  ...SNAPSHOT,
  to: [{ address: 'hanako@partner.example' }],
  cc: [{ address: 'bob@other.example' }],
  bcc: [],
};
const CHOICE = {
  fileName: '資料.zip のパスワード.txt',
  fileText: '資料.zip のパスワード: Kp7vQw3ZrT9xMh2nB4cD\n',
  form: (links: { links: readonly { recipient: string; url: string }[] }, file: { name: string; size: number }): NewMessageForm => ({
    toRecipients: ['hanako@partner.example'],
    ccRecipients: ['bob@other.example'],
    subject: 'パスワード',
    htmlBody: `${file.name} ${file.size} ${links.links.map((link) => link.url).join(' ')}`,
  }),
};

function fakePorts(fail: { create?: boolean; open?: boolean } = {}) {
  const log: string[] = [];
  const uploaded: string[] = [];
  const opened: NewMessageForm[] = [];
  const ports: PasswordLinkPorts = {
    createLinks: (request) => {
      log.push(`create ${request.files.map((file) => `${file.name}:${file.size}`).join('+')} for ${request.recipients.join(',')}`);
      if (fail.create === true) return Promise.reject(new Error('HTTP 404'));
      return Promise.resolve({
        id: 'p9',
        expiresAt: '2026-11-29T09:00:00.000Z',
        files: request.files.map((file) => ({ id: 'f', name: file.name, size: file.size, uploadPath: '/api/links/p9/files/f' })),
      });
    },
    uploadLinkFile: (_path, bytes, onProgress) => {
      uploaded.push(new TextDecoder().decode(bytes));
      onProgress(bytes.length);
      return Promise.resolve();
    },
    completeLinks: (id) =>
      Promise.resolve({
        id,
        expiresAt: '2026-11-29T09:00:00.000Z',
        links: [
          { recipient: 'hanako@partner.example', url: 'https://p.example/d/A' },
          { recipient: 'bob@other.example', url: 'https://p.example/d/B' },
        ],
      }),
    revokeLinks: (id) => {
      log.push(`revoke ${id}`);
      return Promise.resolve();
    },
    openNewMessage: (form) => {
      log.push('open');
      if (fail.open === true) throw new Error('this client cannot open a new message');
      opened.push(form);
    },
  };
  return { ports, log, uploaded, opened };
}

describe('sharePasswordByLink', () => {
  it('puts the password in a file behind one link per recipient and opens a separate message with the links', async () => {
    const fake = fakePorts();
    expect(await sharePasswordByLink(fake.ports, MESSAGE, CHOICE)).toEqual({ ok: true });
    const size = new TextEncoder().encode(CHOICE.fileText).length;
    expect(fake.log).toEqual([`create 資料.zip のパスワード.txt:${size} for hanako@partner.example,bob@other.example`, 'open']);
    expect(fake.uploaded).toEqual([CHOICE.fileText]);
    expect(fake.opened[0]?.htmlBody).toBe(`資料.zip のパスワード.txt ${size} https://p.example/d/A https://p.example/d/B`);
    expect(fake.opened[0]?.htmlBody).not.toContain('Kp7vQw3ZrT9xMh2nB4cD');
  });

  it('refuses with Bcc recipients before anything reaches the server', async () => {
    const fake = fakePorts();
    expect(await sharePasswordByLink(fake.ports, { ...MESSAGE, bcc: [{ address: 'boss@other.example' }] }, CHOICE)).toEqual({
      ok: false,
      stage: 'recipients',
      detail: 'bcc',
    });
    expect(fake.log).toEqual([]);
  });

  it('opens no message when the server refuses, and withdraws the link when the message cannot be opened', async () => {
    const refused = fakePorts({ create: true });
    expect(await sharePasswordByLink(refused.ports, MESSAGE, CHOICE)).toEqual({
      ok: false,
      stage: 'create',
      detail: 'HTTP 404',
      cause: null,
    });
    expect(refused.log).not.toContain('open');
    const unopened = fakePorts({ open: true });
    expect(await sharePasswordByLink(unopened.ports, MESSAGE, CHOICE)).toEqual({
      ok: false,
      stage: 'open',
      detail: 'this client cannot open a new message',
    });
    expect(unopened.log.at(-1)).toBe('revoke p9');
  });
});
