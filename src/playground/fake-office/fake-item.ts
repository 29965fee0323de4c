// Office.context.mailbox.item for one frame, over the shared ComposeMessage. Each member is typed by cutting
// the real interface from @types/office-js, so a signature that drifts from office.js fails to compile.
import type { RecipientField } from '../../policy/index.js';
import { answer, failedResult, FakeCallFailure, type Callback, type Deliver } from './async-result.js';
import type { AttachmentEntry, ComposeMessage, ItemChange, ItemKind, RecipientEntry } from './compose-message.js';
import type { Directory, RecipientInput } from './directory.js';
import { ATTACHMENT_CONTENT_FORMAT, ATTACHMENT_TYPE, COERCION_TYPE, EVENT_TYPE, ITEM_TYPE, asEnum } from './enums.js';
import { bodyAsHtml, bodyAsText, prependToHtml } from './body-html.js';
import { claimsAtLeast, type MailboxVersion } from './requirements.js';
import { FakeSessionData } from './session-data.js';

/** Office rejects more than 100 recipients in one setAsync/addAsync. */
export const MAX_RECIPIENTS_PER_CALL = 100;

export type FakeRecipients = Pick<Office.Recipients, 'getAsync' | 'setAsync' | 'addAsync'>;

export interface FakeComposeItem extends Pick<
  Office.MessageCompose,
  | 'itemType'
  | 'getAttachmentsAsync'
  | 'getAttachmentContentAsync'
  | 'addFileAttachmentFromBase64Async'
  | 'removeAttachmentAsync'
  | 'addHandlerAsync'
  | 'removeHandlerAsync'
  | 'getInitializationContextAsync'
> {
  readonly to: FakeRecipients;
  readonly cc: FakeRecipients;
  readonly bcc: FakeRecipients;
  readonly from: Pick<Office.From, 'getAsync'>;
  readonly subject: Pick<Office.Subject, 'getAsync'>;
  readonly body: Pick<Office.Body, 'getAsync' | 'getTypeAsync' | 'prependAsync'>;
  readonly sessionData: Pick<Office.SessionData, 'getAsync' | 'setAsync' | 'removeAsync' | 'getAllAsync' | 'clearAsync'>;
  /** Mailbox 1.15 with ReadWriteMailbox, in the task pane only; absent otherwise, as office.js leaves it. */
  readonly sendAsync?: Office.MessageCompose['sendAsync'];
  /** Mailbox 1.13. */
  readonly delayDeliveryTime?: Pick<Office.DelayDeliveryTime, 'getAsync' | 'setAsync'>;
  readonly internetHeaders: Pick<Office.InternetHeaders, 'getAsync' | 'setAsync'>;
}

/** A meeting the user organises: attendees instead of To/Cc/Bcc, an organiser instead of From, a location. */
export interface FakeAppointmentItem extends Pick<
  Office.AppointmentCompose,
  | 'itemType'
  | 'getAttachmentsAsync'
  | 'getAttachmentContentAsync'
  | 'addFileAttachmentFromBase64Async'
  | 'removeAttachmentAsync'
  | 'addHandlerAsync'
  | 'removeHandlerAsync'
  | 'getInitializationContextAsync'
> {
  readonly requiredAttendees: FakeRecipients;
  readonly optionalAttendees: FakeRecipients;
  readonly organizer: Pick<Office.Organizer, 'getAsync'>;
  readonly location: Pick<Office.Location, 'getAsync'>;
  readonly subject: Pick<Office.Subject, 'getAsync'>;
  readonly body: Pick<Office.Body, 'getAsync' | 'getTypeAsync' | 'prependAsync'>;
  readonly sessionData: Pick<Office.SessionData, 'getAsync' | 'setAsync' | 'removeAsync' | 'getAllAsync' | 'clearAsync'>;
}

/** Office.context.mailbox.item: whichever the compose window holds now. */
export type FakeItem = FakeComposeItem | FakeAppointmentItem;

export interface ItemEnvironment {
  readonly message: ComposeMessage;
  readonly directory: Directory;
  readonly deliver: Deliver;
  /** The Smart Alerts contextData the frame was opened with; empty when none. */
  readonly initializationContext: string;
  /**
   * Present when this frame may call item.sendAsync: presses Send for the user and tells whether the
   * message left (OnMessageSend still runs) or the check stopped it.
   */
  readonly send?: () => Promise<'sent' | 'stopped'>;
  /** What the client claims; members of later requirement sets are absent below them. */
  readonly mailboxVersion?: MailboxVersion;
}

type EventArgs = Office.RecipientsChangedEventArgs | Office.AttachmentsChangedEventArgs | Office.InitializationContextChangedEventArgs;
type EventHandler = (args: EventArgs) => void;

const SUPPORTED_EVENTS: ReadonlySet<string> = new Set(Object.values(EVENT_TYPE));

/** One frame's view of the item: its own event handlers and initialization context, the shared message. */
export class FakeItemFrame {
  readonly messageItem: FakeComposeItem;
  readonly meetingItem: FakeAppointmentItem;
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly stopListening: () => void;
  private context: string;

  constructor(private readonly environment: ItemEnvironment) {
    this.context = environment.initializationContext;
    [this.messageItem, this.meetingItem] = this.buildItems();
    this.stopListening = environment.message.onItemChange((change) => this.raise(eventArgsFor(change, environment.message.content.kind)));
  }

  /** Outlook gives each compose window its item; the playground's one window holds a message or a meeting. */
  get item(): FakeItem {
    return this.environment.message.content.kind === 'meeting' ? this.meetingItem : this.messageItem;
  }

  /** Outlook's answer to Review while the pane is open: false when the pane has no handler, so it must reload. */
  changeInitializationContext(data: string): boolean {
    this.context = data;
    const listening = (this.handlers.get(EVENT_TYPE.InitializationContextChanged) ?? []).length > 0;
    if (listening) this.raise({ type: EVENT_TYPE.InitializationContextChanged, initializationContextData: data });
    return listening;
  }

  /** The frame went away: its handlers no longer hear the item. */
  dispose(): void {
    this.stopListening();
    this.handlers.clear();
  }

  private raise(args: EventArgs): void {
    for (const handler of [...(this.handlers.get(args.type) ?? [])]) {
      this.environment.deliver(() => {
        try {
          handler(args);
        } catch (error) {
          console.error(`Playground: a ${args.type} handler threw`, error);
        }
      });
    }
  }

  private buildItems(): [FakeComposeItem, FakeAppointmentItem] {
    const { message, directory, deliver } = this.environment;
    const recipients = (field: RecipientField): FakeRecipients => recipientsApi(field, message, directory, deliver);
    const sender = {
      getAsync: (
        optionsOrCallback?: Office.AsyncContextOptions | Callback<Office.EmailAddressDetails>,
        callback?: Callback<Office.EmailAddressDetails>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          const { address, name } = message.content.from;
          // Outlook's from.getAsync and organizer.getAsync give no recipientType or appointmentResponse (R-FROM).
          return { emailAddress: address, displayName: name } as Office.EmailAddressDetails;
        }),
    };
    const common = this.commonMembers();
    return [
      {
        ...common,
        itemType: asEnum<Office.MailboxEnums.ItemType>(ITEM_TYPE.Message),
        to: recipients('to'),
        cc: recipients('cc'),
        bcc: recipients('bcc'),
        from: sender,
        internetHeaders: this.internetHeaders(),
        ...this.delayMember(),
        ...this.sendMember(),
      },
      {
        ...common,
        itemType: asEnum<Office.MailboxEnums.ItemType>(ITEM_TYPE.Appointment),
        requiredAttendees: recipients('to'),
        optionalAttendees: recipients('cc'),
        organizer: sender,
        location: {
          getAsync: (optionsOrCallback?: Office.AsyncContextOptions | Callback<string>, callback?: Callback<string>) =>
            answer(deliver, optionsOrCallback, callback, () => message.content.location),
        },
      },
    ];
  }

  private internetHeaders(): FakeComposeItem['internetHeaders'] {
    const { message, deliver } = this.environment;
    return {
      getAsync: (
        names: string[],
        optionsOrCallback?: Office.AsyncContextOptions | Callback<Record<string, string>>,
        callback?: Callback<Record<string, string>>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          if (!Array.isArray(names)) return new FakeCallFailure('invalidParameters');
          const found: Record<string, string> = {};
          for (const name of names) {
            const value = message.content.internetHeaders[name];
            if (value !== undefined) found[name] = value;
          }
          return found;
        }),
      setAsync: (
        headers: Record<string, string>,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<void>,
        callback?: Callback<void>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          if (typeof headers !== 'object' || headers === null) return new FakeCallFailure('invalidParameters');
          message.setInternetHeaders(headers);
          return undefined;
        }),
    } as FakeComposeItem['internetHeaders'];
  }

  /** item.delayDeliveryTime, from Mailbox 1.13: 0 until a time is set, as Office reports it. */
  private delayMember(): Pick<FakeComposeItem, 'delayDeliveryTime'> {
    const { message, deliver, mailboxVersion } = this.environment;
    if (mailboxVersion === undefined || !claimsAtLeast(mailboxVersion, '1.13')) return {};
    const delayDeliveryTime = {
      getAsync: (optionsOrCallback?: Office.AsyncContextOptions | Callback<Date | 0>, callback?: Callback<Date | 0>) =>
        answer(deliver, optionsOrCallback, callback, (): Date | 0 =>
          message.content.delayDeliveryMs === 0 ? 0 : new Date(message.content.delayDeliveryMs),
        ),
      setAsync: (datetime: Date, optionsOrCallback?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>) =>
        answer(deliver, optionsOrCallback, callback, () => {
          // The handler's Date comes from another frame, so `instanceof Date` would refuse every one.
          if (Object.prototype.toString.call(datetime) !== '[object Date]' || Number.isNaN(datetime.getTime())) {
            return new FakeCallFailure('invalidParameters');
          }
          message.setDelayDelivery(datetime.getTime());
          return undefined;
        }),
    };
    return { delayDeliveryTime: delayDeliveryTime as Office.DelayDeliveryTime };
  }

  /**
   * item.sendAsync: a sent message closes its window, so the callback never runs then (Microsoft documents
   * that code after sendAsync may not run). A send the check stops leaves the window open and reports a
   * failure; the reference names no error for it, so the playground uses its own.
   */
  private sendMember(): Pick<FakeComposeItem, 'sendAsync'> {
    const { send, deliver } = this.environment;
    if (send === undefined) return {};
    const sendAsync = (optionsOrCallback?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>): void => {
      const reply = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
      const asyncContext: unknown =
        typeof optionsOrCallback === 'object' && optionsOrCallback !== null ? optionsOrCallback.asyncContext : undefined;
      void send().then((outcome) => {
        if (outcome === 'stopped' && reply !== undefined) deliver(() => reply(failedResult<void>('sendStopped', asyncContext)));
      });
    };
    return { sendAsync: sendAsync as Office.MessageCompose['sendAsync'] };
  }

  /** What a message and a meeting being composed answer alike. */
  private commonMembers() {
    const { message, deliver } = this.environment;
    return {
      subject: {
        getAsync: (optionsOrCallback: Office.AsyncContextOptions | Callback<string>, callback?: Callback<string>) =>
          answer(deliver, optionsOrCallback, callback, () => message.content.subject),
      },
      body: {
        getAsync: (
          coercionType: Office.CoercionType | string,
          optionsOrCallback?: Office.AsyncContextOptions | Callback<string>,
          callback?: Callback<string>,
        ) =>
          answer(deliver, optionsOrCallback, callback, () => {
            const coercion = String(coercionType);
            const { body, bodyFormat } = message.content;
            if (coercion === COERCION_TYPE.Text) return bodyFormat === 'html' ? bodyAsText(body) : body;
            if (coercion === COERCION_TYPE.Html) return bodyFormat === 'html' ? body : bodyAsHtml(body);
            return new FakeCallFailure('invalidCoercion');
          }),
        getTypeAsync: (
          optionsOrCallback?: Office.AsyncContextOptions | Callback<Office.CoercionType>,
          callback?: Callback<Office.CoercionType>,
        ) =>
          answer(deliver, optionsOrCallback, callback, () =>
            asEnum<Office.CoercionType>(message.content.bodyFormat === 'html' ? COERCION_TYPE.Html : COERCION_TYPE.Text),
          ),
        prependAsync: (
          data: string,
          optionsOrCallback?: Office.AsyncContextOptions | Office.CoercionTypeOptions | Callback<void>,
          callback?: Callback<void>,
        ) =>
          answer(deliver, optionsOrCallback as Office.AsyncContextOptions | Callback<void>, callback, () => {
            const options = typeof optionsOrCallback === 'object' && optionsOrCallback !== null ? optionsOrCallback : {};
            const coercion = 'coercionType' in options ? String(options.coercionType) : COERCION_TYPE.Text;
            if (coercion !== COERCION_TYPE.Text && coercion !== COERCION_TYPE.Html) return new FakeCallFailure('invalidCoercion');
            if (typeof data !== 'string') return new FakeCallFailure('invalidParameters');
            const { body, bodyFormat } = message.content;
            if (bodyFormat === 'html') {
              message.setBody(prependToHtml(body, data, coercion === COERCION_TYPE.Html));
              return undefined;
            }
            // Outlook refuses HTML into a plain-text body.
            if (coercion === COERCION_TYPE.Html) return new FakeCallFailure('invalidCoercion');
            message.setBody(`${data}${body}`);
            return undefined;
          }),
      },
      sessionData: new FakeSessionData(message.sessionData, deliver),
      getAttachmentsAsync: (
        optionsOrCallback?: Office.AsyncContextOptions | Callback<Office.AttachmentDetailsCompose[]>,
        callback?: Callback<Office.AttachmentDetailsCompose[]>,
      ) => answer(deliver, optionsOrCallback, callback, () => message.content.attachments.map(attachmentDetails)),
      getAttachmentContentAsync: (
        attachmentId: string,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<Office.AttachmentContent>,
        callback?: Callback<Office.AttachmentContent>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          const attachment = message.content.attachments.find((entry) => entry.id === attachmentId);
          if (attachment === undefined) return new FakeCallFailure('invalidAttachmentId');
          return { format: ATTACHMENT_CONTENT_FORMAT.Base64, content: attachment.contentBase64 };
        }),
      addFileAttachmentFromBase64Async: (
        base64File: string,
        attachmentName: string,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<string>,
        callback?: Callback<string>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          if (attachmentName.trim() === '' || base64File === '') return new FakeCallFailure('invalidParameters');
          return message.addAttachment({ name: attachmentName, contentBase64: base64File, inline: false }).id;
        }),
      removeAttachmentAsync: (
        attachmentId: string,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<void>,
        callback?: Callback<void>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          if (!message.content.attachments.some((entry) => entry.id === attachmentId)) return new FakeCallFailure('invalidAttachmentId');
          message.removeAttachment(attachmentId);
          return undefined;
        }),
      addHandlerAsync: (
        eventType: Office.EventType | string,
        handler: unknown,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<void>,
        callback?: Callback<void>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          const type = String(eventType);
          if (!SUPPORTED_EVENTS.has(type) || typeof handler !== 'function') return new FakeCallFailure('invalidParameters');
          this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as EventHandler]);
          return undefined;
        }),
      removeHandlerAsync: (
        eventType: Office.EventType | string,
        optionsOrCallback?: Office.AsyncContextOptions | Callback<void>,
        callback?: Callback<void>,
      ) =>
        answer(deliver, optionsOrCallback, callback, () => {
          const type = String(eventType);
          if (!SUPPORTED_EVENTS.has(type)) return new FakeCallFailure('invalidParameters');
          this.handlers.delete(type);
          return undefined;
        }),
      getInitializationContextAsync: (optionsOrCallback: Office.AsyncContextOptions | Callback<string>, callback?: Callback<string>) =>
        answer(deliver, optionsOrCallback, callback, () => this.context),
    };
  }
}

function recipientsApi(field: RecipientField, message: ComposeMessage, directory: Directory, deliver: Deliver): FakeRecipients {
  const write = (recipients: unknown, apply: (entries: RecipientEntry[]) => void): undefined | FakeCallFailure => {
    if (!Array.isArray(recipients)) return new FakeCallFailure('invalidParameters');
    if (recipients.length > MAX_RECIPIENTS_PER_CALL) return new FakeCallFailure('numberOfRecipientsExceeded');
    const entries: RecipientEntry[] = [];
    for (const input of recipients as RecipientInput[]) {
      const entry = directory.resolve(input, message.content);
      if (entry !== null) entries.push(entry);
    }
    apply(entries);
    return undefined;
  };
  return {
    getAsync: (
      optionsOrCallback: Office.AsyncContextOptions | Callback<Office.EmailAddressDetails[]>,
      callback?: Callback<Office.EmailAddressDetails[]>,
    ) => answer(deliver, optionsOrCallback, callback, () => message.content[field].filter((entry) => entry.resolved).map(addressDetails)),
    setAsync: (
      recipients: Array<string | Office.EmailUser | Office.EmailAddressDetails>,
      optionsOrCallback: Office.AsyncContextOptions | Callback<void>,
      callback?: Callback<void>,
    ) => answer(deliver, optionsOrCallback, callback, () => write(recipients, (entries) => message.setRecipients(field, entries))),
    addAsync: (
      recipients: Array<string | Office.EmailUser | Office.EmailAddressDetails>,
      optionsOrCallback?: Office.AsyncContextOptions | Callback<void>,
      callback?: Callback<void>,
    ) => answer(deliver, optionsOrCallback, callback, () => write(recipients, (entries) => message.addRecipients(field, entries))),
  };
}

function addressDetails(entry: RecipientEntry): Office.EmailAddressDetails {
  return { emailAddress: entry.address, displayName: entry.name, recipientType: entry.type, appointmentResponse: 'none' };
}

function attachmentDetails(entry: AttachmentEntry): Office.AttachmentDetailsCompose {
  return {
    id: entry.id,
    name: entry.name,
    size: entry.size,
    isInline: entry.inline,
    attachmentType: ATTACHMENT_TYPE.File,
    contentId: '',
    isServiceAccessible: false,
  };
}

function eventArgsFor(change: ItemChange, kind: ItemKind): EventArgs {
  if (change.kind === 'recipients') {
    const { to, cc, bcc, resources } = change.fields;
    // A message has no attendee fields, a meeting no To, Cc or Bcc: those are always false.
    const changedRecipientFields: Office.RecipientsChangedFields =
      kind === 'meeting'
        ? { to: false, cc: false, bcc: false, requiredAttendees: to, optionalAttendees: cc, resources }
        : { to, cc, bcc, optionalAttendees: false, requiredAttendees: false, resources: false };
    return { type: EVENT_TYPE.RecipientsChanged, changedRecipientFields };
  }
  return {
    type: EVENT_TYPE.AttachmentsChanged,
    attachmentStatus: change.status,
    attachmentDetails: attachmentDetails(change.attachment),
  };
}
