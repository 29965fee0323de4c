// The one message the playground composes: what the compose form shows and edits, and what every
// frame's fake Office reads and writes. Each change replaces `content`, so views can compare by identity.
import type { RecipientField, RecipientType } from '../../policy/index.js';
import { bodyAsHtml, bodyAsText } from './body-html.js';

export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

/**
 * The address wells of the form. A meeting shows To as Required and Cc as Optional, has no Bcc, and adds
 * Resources, which Office.js never hands to add-ins (AppointmentCompose has no resources list).
 */
export type WellField = RecipientField | 'resources';

/** What the compose window is: a message, or a meeting the user organises (Office.AppointmentCompose). */
export type ItemKind = 'message' | 'meeting';

export interface RecipientEntry {
  readonly address: string;
  readonly name: string;
  readonly type: RecipientType;
  /** Outlook hands add-ins only resolved recipients; an entry still being resolved is invisible to them. */
  readonly resolved: boolean;
}

export interface AttachmentEntry {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly inline: boolean;
  readonly contentBase64: string;
}

export interface Sender {
  readonly address: string;
  readonly name: string;
}

/** Outlook's "Format text": a body is plain text or HTML, and add-ins see which (body.getTypeAsync). */
export type BodyFormat = 'text' | 'html';

export interface ComposeContent {
  readonly kind: ItemKind;
  readonly from: Sender;
  readonly to: readonly RecipientEntry[];
  readonly cc: readonly RecipientEntry[];
  readonly bcc: readonly RecipientEntry[];
  /** Meetings only: rooms and equipment. */
  readonly resources: readonly RecipientEntry[];
  /** Meetings only; optional, as in Outlook. */
  readonly location: string;
  readonly subject: string;
  readonly bodyFormat: BodyFormat;
  /** Plain text, or HTML source when bodyFormat is html. */
  readonly body: string;
  readonly attachments: readonly AttachmentEntry[];
  /** Messages only (Mailbox 1.13): when the server sends it, ms since the epoch; 0 for at once. */
  readonly delayDeliveryMs: number;
  /** Messages only: the internet headers add-ins set (item.internetHeaders). */
  readonly internetHeaders: Readonly<Record<string, string>>;
}

export type ChangedFields = Readonly<Record<WellField, boolean>>;

/** What the item events (RecipientsChanged, AttachmentsChanged) report. */
export type ItemChange =
  | { readonly kind: 'recipients'; readonly fields: ChangedFields }
  | { readonly kind: 'attachments'; readonly status: 'added' | 'removed'; readonly attachment: AttachmentEntry };

export interface NewAttachment {
  readonly name: string;
  readonly inline: boolean;
  readonly contentBase64: string;
  /** Bytes; derived from the base64 text when absent. */
  readonly size?: number;
}

export const EMPTY_CONTENT: ComposeContent = {
  kind: 'message',
  from: { address: '', name: '' },
  to: [],
  cc: [],
  bcc: [],
  resources: [],
  location: '',
  subject: '',
  bodyFormat: 'text',
  body: '',
  attachments: [],
  delayDeliveryMs: 0,
  internetHeaders: {},
};

export class ComposeMessage {
  private current: ComposeContent;
  private readonly session = new Map<string, string>();
  private readonly viewers = new Set<() => void>();
  private readonly itemListeners = new Set<(change: ItemChange) => void>();
  private nextAttachment = 1;

  constructor(content: ComposeContent = EMPTY_CONTENT) {
    this.current = content;
  }

  get content(): ComposeContent {
    return this.current;
  }

  /** Per add-in and item in Outlook; the playground hosts one add-in, so one store per message. */
  get sessionData(): Map<string, string> {
    return this.session;
  }

  /** For views: called after every change of content. Returns the unsubscribe function. */
  subscribe(viewer: () => void): () => void {
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  /** For the fake items: the events Outlook raises on the item. Returns the unsubscribe function. */
  onItemChange(listener: (change: ItemChange) => void): () => void {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  /** A new compose window: new content, empty session data, no events (Outlook raises none when a form opens). */
  reset(content: ComposeContent): void {
    this.session.clear();
    this.current = content;
    this.notifyViewers();
  }

  setRecipients(field: WellField, entries: readonly RecipientEntry[]): void {
    this.replaceRecipients({ [field]: entries });
  }

  addRecipients(field: WellField, entries: readonly RecipientEntry[]): void {
    if (entries.length === 0) return;
    this.replaceRecipients({ [field]: [...this.current[field], ...entries] });
  }

  removeRecipientAt(field: WellField, index: number): void {
    const list = this.current[field];
    if (index < 0 || index >= list.length) return;
    this.replaceRecipients({ [field]: list.filter((_, position) => position !== index) });
  }

  setResolved(field: WellField, index: number, resolved: boolean): void {
    const list = this.current[field];
    const entry = list[index];
    if (entry === undefined || entry.resolved === resolved) return;
    this.replaceRecipients({ [field]: list.map((item, position) => (position === index ? { ...entry, resolved } : item)) });
  }

  /** Several fields at once raise one RecipientsChanged, as a single edit in Outlook does. */
  replaceRecipients(lists: Partial<Record<WellField, readonly RecipientEntry[]>>): void {
    const before = this.current;
    const next: ComposeContent = { ...before, ...lists };
    const fields: ChangedFields = {
      to: visibleChange(before.to, next.to),
      cc: visibleChange(before.cc, next.cc),
      bcc: visibleChange(before.bcc, next.bcc),
      resources: visibleChange(before.resources, next.resources),
    };
    this.current = next;
    this.notifyViewers();
    if (fields.to || fields.cc || fields.bcc || fields.resources) this.emit({ kind: 'recipients', fields });
  }

  setFrom(from: Sender): void {
    this.update({ from });
  }

  setLocation(location: string): void {
    this.update({ location });
  }

  setSubject(subject: string): void {
    this.update({ subject });
  }

  setDelayDelivery(delayDeliveryMs: number): void {
    this.update({ delayDeliveryMs });
  }

  setInternetHeaders(headers: Readonly<Record<string, string>>): void {
    this.update({ internetHeaders: { ...this.current.internetHeaders, ...headers } });
  }

  setBody(body: string): void {
    this.update({ body });
  }

  /** Converts the body the way Outlook does when the format changes: text becomes paragraphs, HTML its visible text. */
  setBodyFormat(bodyFormat: BodyFormat): void {
    const { body, bodyFormat: current } = this.current;
    if (bodyFormat === current) return;
    this.update({ bodyFormat, body: bodyFormat === 'html' ? bodyAsHtml(body) : bodyAsText(body) });
  }

  addAttachment(attachment: NewAttachment): AttachmentEntry {
    const entry: AttachmentEntry = {
      id: `playground-attachment-${this.nextAttachment}`,
      name: attachment.name,
      size: attachment.size ?? base64ByteLength(attachment.contentBase64),
      inline: attachment.inline,
      contentBase64: attachment.contentBase64,
    };
    this.nextAttachment += 1;
    this.update({ attachments: [...this.current.attachments, entry] });
    this.emit({ kind: 'attachments', status: 'added', attachment: entry });
    return entry;
  }

  removeAttachment(id: string): void {
    const entry = this.current.attachments.find((attachment) => attachment.id === id);
    if (entry === undefined) return;
    this.update({ attachments: this.current.attachments.filter((attachment) => attachment.id !== id) });
    this.emit({ kind: 'attachments', status: 'removed', attachment: entry });
  }

  private update(change: Partial<ComposeContent>): void {
    this.current = { ...this.current, ...change };
    this.notifyViewers();
  }

  private notifyViewers(): void {
    for (const viewer of [...this.viewers]) viewer();
  }

  private emit(change: ItemChange): void {
    for (const listener of [...this.itemListeners]) listener(change);
  }
}

/** Add-ins see resolved recipients only, so only a change among those is a change to them. */
function visibleChange(before: readonly RecipientEntry[], after: readonly RecipientEntry[]): boolean {
  if (before === after) return false;
  const seen = before.filter((entry) => entry.resolved);
  const now = after.filter((entry) => entry.resolved);
  if (seen.length !== now.length) return true;
  return seen.some((entry, index) => {
    const other = now[index];
    return other === undefined || other.address !== entry.address || other.name !== entry.name || other.type !== entry.type;
  });
}

export function base64ByteLength(base64: string): number {
  const clean = base64.replace(/[^A-Za-z0-9+/]/g, '');
  return Math.floor((clean.length * 3) / 4);
}
