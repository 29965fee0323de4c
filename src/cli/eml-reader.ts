// Reads an RFC 5322 message (.eml) into the snapshot Outlook would give for the same mail.
import PostalMime, { type Address, type Attachment, type Email, type Mailbox } from 'postal-mime';
import type { AttachmentSnapshot, MessageSnapshot, Person } from '../policy/index.js';
import { htmlToText } from './html-text.js';
import { ROOT_PATH } from './json-path.js';
import { problem, type Parsed } from './problem.js';

/** Without one of these, the bytes are not a mail message (postal-mime accepts almost anything). */
const MAIL_HEADERS: ReadonlySet<string> = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id']);

/**
 * `originalRecipients` stays absent: In-Reply-To and References name messages, not the people they went to.
 * A postal-mime rejection (nesting or header-size limits) is an unreadable input, not a crash.
 */
export async function readEml(bytes: Uint8Array): Promise<Parsed<MessageSnapshot>> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { ok: false, problems: [problem(ROOT_PATH, 'cli.eml.parseFailed', { detail: String(error) })] };
  }
  if (!email.headers.some((header) => MAIL_HEADERS.has(header.key))) {
    return { ok: false, problems: [problem(ROOT_PATH, 'cli.eml.noHeaders')] };
  }
  const from = email.from === undefined ? undefined : mailboxes([email.from])[0];
  return {
    ok: true,
    value: {
      ...(from === undefined ? {} : { from }),
      to: mailboxes(email.to ?? []),
      cc: mailboxes(email.cc ?? []),
      bcc: mailboxes(email.bcc ?? []),
      subject: email.subject ?? '',
      body: await bodyText(email),
      attachments: email.attachments.map(toAttachment),
    },
  };
}

async function bodyText(email: Email): Promise<string> {
  if (email.text !== undefined) return email.text;
  return email.html === undefined ? '' : htmlToText(email.html);
}

/** Groups (`Team: a@x, b@y;`) count as their members, which is who the mail reaches. */
function mailboxes(addresses: readonly Address[]): Person[] {
  return addresses.flatMap((address) => (address.group === undefined ? [address] : address.group)).map(toPerson);
}

/** The same shape src/office gives: trimmed, no name when it only repeats the address. */
function toPerson(mailbox: Mailbox): Person {
  const address = mailbox.address.trim();
  const name = mailbox.name.trim();
  if (address === '' && name.includes('@')) return { address: name };
  return name === '' || name === address ? { address } : { address, name };
}

function toAttachment(attachment: Attachment): AttachmentSnapshot {
  const content = contentBytes(attachment.content);
  return {
    name: attachment.filename ?? '',
    size: content.byteLength,
    inline: attachment.related === true || (attachment.disposition === 'inline' && attachment.contentId !== undefined),
    contentBase64: content.toString('base64'),
  };
}

function contentBytes(content: Attachment['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof Uint8Array
    ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    : Buffer.from(content);
}
