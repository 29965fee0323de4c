// Reads an RFC 5322 message (.eml) into the snapshot Outlook would give for the same mail: for the CLI
// (docs/cli.md) and for trying a policy on real mail in a browser. No Node API, so both can use it.
import PostalMime, { type Address, type Attachment, type Email, type Mailbox } from 'postal-mime';
import type { AttachmentSnapshot, MessageSnapshot, Person } from '../../policy/index.js';
import { htmlToText } from './html-text.js';

export type EmlRead =
  | { readonly ok: true; readonly snapshot: MessageSnapshot }
  /** `parse-failed`: postal-mime refused it (nesting or header-size limits); `no-headers`: not a mail message. */
  | { readonly ok: false; readonly reason: 'parse-failed' | 'no-headers'; readonly detail: string };

/** Without one of these, the bytes are not a mail message (postal-mime accepts almost anything). */
const MAIL_HEADERS: ReadonlySet<string> = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id']);

/** `originalRecipients` stays absent: In-Reply-To and References name messages, not the people they went to. */
export async function readEmlSnapshot(bytes: Uint8Array): Promise<EmlRead> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'base64' });
  } catch (error) {
    return { ok: false, reason: 'parse-failed', detail: String(error) };
  }
  if (!email.headers.some((header) => MAIL_HEADERS.has(header.key))) return { ok: false, reason: 'no-headers', detail: '' };
  const from = email.from === undefined ? undefined : mailboxes([email.from])[0];
  return {
    ok: true,
    snapshot: {
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

/** Decoded size from the base64 text: its length, less the padding. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function toAttachment(attachment: Attachment): AttachmentSnapshot {
  const base64 = typeof attachment.content === 'string' ? attachment.content.replace(/\s/g, '') : '';
  return {
    name: attachment.filename ?? '',
    size: decodedSize(base64),
    inline: attachment.related === true || (attachment.disposition === 'inline' && attachment.contentId !== undefined),
    contentBase64: base64,
  };
}
