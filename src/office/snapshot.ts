// Reads the compose item into the MessageSnapshot every layer evaluates.
import type { AttachmentSnapshot, MessageSnapshot, Person, Recipient, RecipientType } from '../policy/index.js';
import { composingMeeting, getAttachments, getBodyText, getFrom, getRecipients, getSubject } from './item-calls.js';
import { readSessionState, type SessionState } from './session-data.js';
import { callSettings, type CallOptions, type CallSettings } from './timers.js';

const RECIPIENT_TYPES: ReadonlySet<string> = new Set<RecipientType>(['user', 'externalUser', 'distributionList', 'other']);

export type ItemContent = Omit<MessageSnapshot, 'originalRecipients'>;

/** The item and what the add-in stored on it; originalRecipients come from sessionData. */
export async function readSnapshot(options?: CallOptions): Promise<MessageSnapshot> {
  return (await readSendState(options)).snapshot;
}

export interface SendState extends Omit<SessionState, 'originalRecipients'> {
  readonly snapshot: MessageSnapshot;
}

/** Everything the send handler needs from Office, read in parallel; rejects when any call fails. */
export async function readSendState(options?: CallOptions): Promise<SendState> {
  const settings = callSettings(options);
  const [content, session] = await Promise.all([readItemContent(settings), readSessionState(settings)]);
  const snapshot: MessageSnapshot =
    session.originalRecipients === undefined ? content : { ...content, originalRecipients: session.originalRecipients };
  return {
    snapshot,
    confirmedFingerprint: session.confirmedFingerprint,
    cachedPolicy: session.cachedPolicy,
    cachedInspections: session.cachedInspections,
    protection: session.protection,
    approval: session.approval,
  };
}

export async function readItemContent(settings: CallSettings): Promise<ItemContent> {
  const [[to, cc, bcc], from, subject, body, attachments] = await Promise.all([
    readRecipientLists(settings),
    getFrom(settings),
    getSubject(settings),
    getBodyText(settings),
    getAttachments(settings),
  ]);
  const sender = from === null ? undefined : toPerson(from);
  return {
    ...(sender === undefined || sender.address === '' ? {} : { from: sender }),
    to: to.map(toRecipient),
    cc: cc.map(toRecipient),
    bcc: bcc.map(toRecipient),
    subject: subject ?? '',
    body: body ?? '',
    attachments: attachments.map(toAttachment),
    ...(composingMeeting() ? { kind: 'meeting' as const } : {}),
  };
}

/** The attachments on the item now, for the attachments handler. */
export async function readAttachmentList(options?: CallOptions): Promise<readonly AttachmentSnapshot[]> {
  return (await getAttachments(callSettings(options))).map(toAttachment);
}

/** The recipients currently on the item, as people, for recording what a reply or forward started with. */
export async function readCurrentRecipients(settings: CallSettings): Promise<readonly Person[]> {
  const [to, cc, bcc] = await readRecipientLists(settings);
  return to.concat(cc, bcc).map(toPerson);
}

type RecipientLists = [Office.EmailAddressDetails[], Office.EmailAddressDetails[], Office.EmailAddressDetails[]];

/**
 * To, Cc and Bcc; for a meeting, required attendees as To and optional ones as Cc, and no Bcc, which a
 * meeting does not have. Resources are never read: Office.js has no list of them (office-host.ts).
 */
function readRecipientLists(settings: CallSettings): Promise<RecipientLists> {
  return Promise.all([
    getRecipients('to', settings),
    getRecipients('cc', settings),
    composingMeeting() ? Promise.resolve([]) : getRecipients('bcc', settings),
  ]);
}

/**
 * A recipient without an SMTP address is kept, never dropped, so that the rules see something they cannot
 * classify. When compose starts from a contact card, the address is in displayName (R-REC).
 */
export function toRecipient(details: Office.EmailAddressDetails): Recipient {
  const person = toPerson(details);
  const type = details.recipientType as string | undefined;
  return type !== undefined && RECIPIENT_TYPES.has(type) ? { ...person, type: type as RecipientType } : person;
}

function toPerson(details: Office.EmailAddressDetails): Person {
  const address = (details.emailAddress ?? '').trim();
  const name = (details.displayName ?? '').trim();
  if (address !== '') return name === '' || name === address ? { address } : { address, name };
  if (name.includes('@')) return { address: name };
  return name === '' ? { address: '' } : { address: '', name };
}

function toAttachment(details: Office.AttachmentDetailsCompose): AttachmentSnapshot {
  return { id: details.id, name: details.name, size: details.size, inline: details.isInline };
}
