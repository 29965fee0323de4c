// A typed fake of the office.js surface the gateway uses (src/office/office-host.ts, cut from
// @types/office-js with Pick, so this fake cannot drift from the real API). Every call can be made to
// succeed, fail, hang, throw, call back late (held until releaseLate) or after a delay.
import type { AppointmentItem, ComposeItem, LaunchEvent, MessageItem, OfficeHost } from '../../src/office/index.js';

type RecipientList = 'to' | 'cc' | 'bcc' | 'requiredAttendees' | 'optionalAttendees';

export type FakeOperation =
  | `${RecipientList}.${'getAsync' | 'setAsync' | 'addAsync'}`
  | 'from.getAsync'
  | 'organizer.getAsync'
  | 'enhancedLocation.getAsync'
  | 'subject.getAsync'
  | 'body.getAsync'
  | 'body.getTypeAsync'
  | 'body.prependAsync'
  | 'getAttachmentsAsync'
  | 'getAttachmentContentAsync'
  | 'addFileAttachmentFromBase64Async'
  | 'removeAttachmentAsync'
  | 'sessionData.getAllAsync'
  | 'sessionData.setAsync'
  | 'addHandlerAsync'
  | 'removeHandlerAsync'
  | 'delayDeliveryTime.getAsync'
  | 'delayDeliveryTime.setAsync'
  | 'internetHeaders.setAsync'
  | 'roamingSettings.saveAsync';

/** The calls the send handler makes on a message that may go: the hold, automatic Bcc and the header. */
export const CONTROL_OPERATIONS: readonly FakeOperation[] = [
  'delayDeliveryTime.getAsync',
  'delayDeliveryTime.setAsync',
  'bcc.addAsync',
  'internetHeaders.setAsync',
];

/** The Office calls the send handler makes, for failure tables. */
export const SEND_OPERATIONS: readonly FakeOperation[] = [
  'to.getAsync',
  'cc.getAsync',
  'bcc.getAsync',
  'from.getAsync',
  'subject.getAsync',
  'body.getAsync',
  'getAttachmentsAsync',
  'sessionData.getAllAsync',
];

/** The Office calls the send handler makes on a meeting: attendees instead of To/Cc/Bcc, the organiser as sender. */
export const MEETING_SEND_OPERATIONS: readonly FakeOperation[] = [
  'requiredAttendees.getAsync',
  'optionalAttendees.getAsync',
  'organizer.getAsync',
  'subject.getAsync',
  'body.getAsync',
  'getAttachmentsAsync',
  'sessionData.getAllAsync',
];

export type CallBehaviour =
  | { readonly kind: 'succeed' }
  | { readonly kind: 'fail'; readonly code?: number; readonly name?: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'late' }
  | { readonly kind: 'throw' }
  | { readonly kind: 'delay'; readonly ms: number };

export interface FakeMailbox {
  to: Office.EmailAddressDetails[];
  cc: Office.EmailAddressDetails[];
  bcc: Office.EmailAddressDetails[];
  /** A meeting's attendees (with `meeting: true`); the sender is then its organiser. */
  requiredAttendees: Office.EmailAddressDetails[];
  optionalAttendees: Office.EmailAddressDetails[];
  /** A meeting's rooms: Office.js shows them only as locations (enhancedLocation), never as attendees. */
  rooms: Office.EmailAddressDetails[];
  from: Office.EmailAddressDetails | null;
  subject: string;
  /** The body as it is stored; prependAsync puts its data in front, as given. */
  body: string;
  bodyType: 'html' | 'text';
  attachments: Office.AttachmentDetailsCompose[];
  /** Content by attachment id, as getAttachmentContentAsync returns it; a missing id fails with InvalidAttachmentId. */
  attachmentContents: Map<string, { readonly format: string; readonly content: string }>;
  sessionData: Map<string, string>;
  /** When the message leaves (ms since the epoch); 0 when at Send, as Office reports it. */
  delayDeliveryMs: number;
  internetHeaders: Map<string, string>;
}

export interface RecordedCall {
  readonly operation: FakeOperation;
  readonly args: readonly unknown[];
}

export type MailboxSet = '1.10' | '1.11' | '1.12' | '1.13' | '1.14' | '1.15' | '1.16';

export interface OfficeFakeOptions {
  /** Highest Mailbox requirement set the fake client supports. */
  readonly mailbox?: MailboxSet;
  readonly displayLanguage?: string;
  readonly theme?: { readonly bodyBackgroundColor: string; readonly bodyForegroundColor: string };
  readonly mail?: Partial<FakeMailbox>;
  /** A client before Mailbox 1.11 / 1.7: the item has no sessionData / from. */
  readonly withoutSessionData?: boolean;
  readonly withoutFrom?: boolean;
  /** The item is an appointment the organiser composes (Office.AppointmentCompose) instead of a message. */
  readonly meeting?: boolean;
  /** userProfile.emailAddress: the signed-in mailbox; the From address when not given. */
  readonly userAddress?: string;
  /**
   * The roaming settings Office loaded with the add-in. Absent or null: the fake offers none, which keeps
   * the recipient history (first-time-recipient) out of tests about other things.
   */
  readonly roamingSettings?: Readonly<Record<string, unknown>> | null;
  /** roamingSettings.get or .set throws (saveAsync's failures are behaviours like any call's). */
  readonly roamingThrows?: 'get' | 'set';
}

export interface OfficeFake {
  readonly office: OfficeHost;
  readonly mail: FakeMailbox;
  readonly calls: RecordedCall[];
  /** Every form displayNewMessageForm was asked to open. */
  readonly newMessages: Parameters<Office.Mailbox['displayNewMessageForm']>[0][];
  readonly associated: Map<string, (event: LaunchEvent) => void>;
  /** Arguments of every isSetSupported call, to check that versions are passed as strings. */
  readonly requirementQueries: Array<readonly [string, unknown]>;
  /** From now on, `operation` behaves so, after letting `afterSuccesses` more calls succeed first. */
  behave(operation: FakeOperation, behaviour: CallBehaviour, afterSuccesses?: number): void;
  /** Delivers every callback held by a `late` behaviour, as successes. */
  releaseLate(): void;
  /** Calls the handlers registered with addHandlerAsync for one event type. */
  fireItemEvent(eventType: string): void;
  handlerCount(eventType: string): number;
  /** Sets `globalThis.Office`; returns the function that removes it again. */
  install(): () => void;
  /** The roaming settings as last saved with saveAsync (what the next add-in load would see). */
  readonly savedRoamingSettings: Map<string, unknown>;
}

/** Office's own values of the enums the gateway reads (office.js defines them as strings). */
const ASYNC_RESULT_STATUS = { Succeeded: 'succeeded', Failed: 'failed' } as unknown as OfficeHost['AsyncResultStatus'];
const COERCION_TYPE = { Text: 'text', Html: 'html' } as unknown as OfficeHost['CoercionType'];
const EVENT_TYPE = {
  RecipientsChanged: 'olkRecipientsChanged',
  AttachmentsChanged: 'olkAttachmentsChanged',
} as unknown as OfficeHost['EventType'];
const ITEM_TYPE = { Message: 'message', Appointment: 'appointment' } as const satisfies Record<
  keyof typeof Office.MailboxEnums.ItemType,
  string
>;

const MAILBOX_SETS: readonly MailboxSet[] = ['1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16'];

/** Office refuses more than 100 recipients per setAsync/addAsync; the numeric code is this fake's own. */
const TOO_MANY_RECIPIENTS = { code: 9041, name: 'NumberOfRecipientsExceeded', message: 'The number of recipients exceeded 100 entries.' };

class FakeFailure extends Error {
  constructor(readonly error: Office.Error) {
    super(error.message);
  }
}

export function recipient(
  emailAddress: string,
  recipientType: string = 'externalUser',
  displayName: string = emailAddress,
): Office.EmailAddressDetails {
  return { emailAddress, displayName, recipientType } as Office.EmailAddressDetails;
}

export function attachment(name: string, size: number, isInline = false, id = `id-${name}`): Office.AttachmentDetailsCompose {
  return { id, name, size, isInline, attachmentType: 'file', contentId: '', isServiceAccessible: true };
}

export function createOfficeFake(options: OfficeFakeOptions = {}): OfficeFake {
  const newMessages: Parameters<Office.Mailbox['displayNewMessageForm']>[0][] = [];
  const mail: FakeMailbox = {
    to: [],
    cc: [],
    bcc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    rooms: [],
    from: recipient('taro@example.co.jp', 'user', '山田 太郎'),
    subject: '',
    body: '',
    bodyType: 'html',
    attachments: [],
    attachmentContents: new Map(),
    sessionData: new Map(),
    delayDeliveryMs: 0,
    internetHeaders: new Map(),
    ...options.mail,
  };
  const calls: RecordedCall[] = [];
  const behaviours = new Map<FakeOperation, { behaviour: CallBehaviour; successesLeft: number }>();
  const held: Array<() => void> = [];
  const handlers = new Map<string, Array<() => void>>();
  const associated = new Map<string, (event: LaunchEvent) => void>();
  const requirementQueries: Array<readonly [string, unknown]> = [];
  const highest = MAILBOX_SETS.indexOf(options.mailbox ?? '1.15');

  function respond<T>(operation: FakeOperation, args: readonly unknown[], perform: () => T): void {
    calls.push({ operation, args });
    const callback = lastFunction(args) as ((result: Office.AsyncResult<T>) => void) | undefined;
    const deliver = (): void => {
      let result: Office.AsyncResult<T>;
      try {
        result = succeeded(perform());
      } catch (error) {
        if (!(error instanceof FakeFailure)) throw error;
        result = failed(error.error);
      }
      callback?.(result);
    };
    const behaviour = nextBehaviour(operation);
    switch (behaviour.kind) {
      case 'succeed':
        void Promise.resolve().then(deliver);
        return;
      case 'fail':
        void Promise.resolve().then(() =>
          callback?.(failed({ code: behaviour.code ?? 9020, name: behaviour.name ?? 'GenericResponseError', message: 'fake failure' })),
        );
        return;
      case 'hang':
        return;
      case 'late':
        held.push(deliver);
        return;
      case 'throw':
        throw new Error(`fake ${operation} threw`);
      case 'delay':
        setTimeout(deliver, behaviour.ms);
        return;
    }
  }

  function nextBehaviour(operation: FakeOperation): CallBehaviour {
    const entry = behaviours.get(operation);
    if (entry === undefined) return { kind: 'succeed' };
    if (entry.successesLeft === 0) return entry.behaviour;
    entry.successesLeft -= 1;
    return { kind: 'succeed' };
  }

  function recipientsApi(field: RecipientList): MessageItem['to'] {
    return {
      getAsync: (...args: unknown[]) => respond(`${field}.getAsync`, args, () => mail[field].map((entry) => ({ ...entry }))),
      setAsync: (...args: unknown[]) =>
        respond(`${field}.setAsync`, args, () => {
          const list = recipientList(args[0]);
          if (list.length > 100) throw new FakeFailure(TOO_MANY_RECIPIENTS);
          mail[field] = list;
        }),
      addAsync: (...args: unknown[]) =>
        respond(`${field}.addAsync`, args, () => {
          const list = recipientList(args[0]);
          if (list.length > 100) throw new FakeFailure(TOO_MANY_RECIPIENTS);
          mail[field] = [...mail[field], ...list];
        }),
    };
  }

  const common = {
    subject: { getAsync: (...args: unknown[]) => respond('subject.getAsync', args, () => mail.subject) },
    body: {
      getAsync: (...args: unknown[]) =>
        respond('body.getAsync', args, () => {
          if (args[0] !== COERCION_TYPE.Text) throw new FakeFailure({ code: 9000, name: 'InvalidCoercion', message: String(args[0]) });
          return mail.body;
        }),
      getTypeAsync: (...args: unknown[]) => respond('body.getTypeAsync', args, () => mail.bodyType as Office.CoercionType),
      prependAsync: (...args: unknown[]) =>
        respond('body.prependAsync', args, () => {
          const coercion = (args[1] as { coercionType?: unknown } | undefined)?.coercionType ?? COERCION_TYPE.Text;
          // Outlook refuses HTML into a plain-text body.
          if (coercion === COERCION_TYPE.Html && mail.bodyType === 'text') {
            throw new FakeFailure({ code: 9000, name: 'InvalidFormatError', message: 'html into a text body' });
          }
          mail.body = `${String(args[0])}${mail.body}`;
        }),
    },
    ...(options.withoutSessionData === true
      ? {}
      : {
          sessionData: {
            getAllAsync: (...args: unknown[]) => respond('sessionData.getAllAsync', args, () => Object.fromEntries(mail.sessionData)),
            setAsync: (...args: unknown[]) =>
              respond('sessionData.setAsync', args, () => {
                mail.sessionData.set(String(args[0]), String(args[1]));
              }),
          },
        }),
    getAttachmentsAsync: (...args: unknown[]) =>
      respond('getAttachmentsAsync', args, () => mail.attachments.map((entry) => ({ ...entry }))),
    getAttachmentContentAsync: (...args: unknown[]) =>
      respond('getAttachmentContentAsync', args, () => {
        const content = mail.attachmentContents.get(String(args[0]));
        if (content === undefined) throw new FakeFailure({ code: 9002, name: 'InvalidAttachmentId', message: String(args[0]) });
        return { ...content } as Office.AttachmentContent;
      }),
    addFileAttachmentFromBase64Async: (...args: unknown[]) =>
      respond('addFileAttachmentFromBase64Async', args, () => {
        const [content, name] = [String(args[0]), String(args[1])];
        const id = `id-added-${mail.attachments.length + 1}-${name}`;
        mail.attachments.push(attachment(name, Math.floor((content.length * 3) / 4), false, id));
        mail.attachmentContents.set(id, { format: 'base64', content });
        return id;
      }),
    removeAttachmentAsync: (...args: unknown[]) =>
      respond('removeAttachmentAsync', args, () => {
        const index = mail.attachments.findIndex((entry) => entry.id === String(args[0]));
        if (index < 0) throw new FakeFailure({ code: 9002, name: 'InvalidAttachmentId', message: String(args[0]) });
        mail.attachments.splice(index, 1);
        return undefined;
      }),
    addHandlerAsync: (...args: unknown[]) =>
      respond('addHandlerAsync', args, () => {
        const eventType = String(args[0]);
        const handler = args[1] as () => void;
        handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
      }),
    removeHandlerAsync: (...args: unknown[]) =>
      respond('removeHandlerAsync', args, () => {
        handlers.delete(String(args[0]));
      }),
  };
  const withSender = <K extends string>(key: K, operation: FakeOperation) =>
    options.withoutFrom === true ? {} : { [key]: { getAsync: (...args: unknown[]) => respond(operation, args, () => mail.from) } };
  const message: MessageItem = {
    ...common,
    itemType: ITEM_TYPE.Message,
    to: recipientsApi('to'),
    cc: recipientsApi('cc'),
    bcc: recipientsApi('bcc'),
    ...withSender('from', 'from.getAsync'),
    internetHeaders: {
      setAsync: (...args: unknown[]) =>
        respond('internetHeaders.setAsync', args, () => {
          for (const [name, value] of Object.entries(args[0] as Record<string, string>)) mail.internetHeaders.set(name, value);
        }),
    },
    ...(highest >= MAILBOX_SETS.indexOf('1.13')
      ? {
          delayDeliveryTime: {
            getAsync: (...args: unknown[]) =>
              respond('delayDeliveryTime.getAsync', args, (): Date | 0 =>
                mail.delayDeliveryMs === 0 ? 0 : new Date(mail.delayDeliveryMs),
              ),
            setAsync: (...args: unknown[]) =>
              respond('delayDeliveryTime.setAsync', args, () => {
                mail.delayDeliveryMs = (args[0] as Date).getTime();
              }),
          },
        }
      : {}),
  };
  const meeting: AppointmentItem & { readonly enhancedLocation: Pick<Office.EnhancedLocation, 'getAsync'> } = {
    ...common,
    itemType: ITEM_TYPE.Appointment,
    requiredAttendees: recipientsApi('requiredAttendees'),
    optionalAttendees: recipientsApi('optionalAttendees'),
    ...withSender('organizer', 'organizer.getAsync'),
    enhancedLocation: {
      getAsync: (...args: unknown[]) =>
        respond('enhancedLocation.getAsync', args, () =>
          mail.rooms.map((room): Office.LocationDetails => ({
            locationIdentifier: { id: room.emailAddress, type: 'room' },
            displayName: room.displayName,
            emailAddress: room.emailAddress,
          })),
        ),
    },
  };
  const item: ComposeItem = options.meeting === true ? meeting : message;

  const savedRoamingSettings = new Map<string, unknown>(Object.entries(options.roamingSettings ?? {}));
  const loadedRoamingSettings = new Map(savedRoamingSettings);
  const roamingSettings: NonNullable<OfficeHost['context']['roamingSettings']> = {
    get: (name: string): unknown => {
      if (options.roamingThrows === 'get') throw new Error('fake roamingSettings.get threw');
      return loadedRoamingSettings.get(name);
    },
    set: (name: string, value: unknown): void => {
      if (options.roamingThrows === 'set') throw new Error('fake roamingSettings.set threw');
      loadedRoamingSettings.set(name, value);
    },
    saveAsync: (...args: unknown[]) =>
      respond('roamingSettings.saveAsync', args, () => {
        savedRoamingSettings.clear();
        for (const [name, value] of loadedRoamingSettings) savedRoamingSettings.set(name, value);
      }),
  };

  const office: OfficeHost = {
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      ...(options.theme === undefined ? {} : { officeTheme: options.theme }),
      ...(options.roamingSettings === null || options.roamingSettings === undefined ? {} : { roamingSettings }),
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) => {
          requirementQueries.push([name, minVersion]);
          if (name !== 'Mailbox' || typeof minVersion !== 'string') return false;
          const wanted = MAILBOX_SETS.indexOf(minVersion as MailboxSet);
          return wanted !== -1 && wanted <= highest;
        },
      },
      mailbox: {
        item,
        displayNewMessageForm: (form: Parameters<Office.Mailbox['displayNewMessageForm']>[0]) => void newMessages.push(form),
        userProfile: { emailAddress: options.userAddress ?? mail.from?.emailAddress ?? 'taro@example.co.jp' },
      },
    },
    actions: {
      associate: (name: string, handler: (event?: unknown) => void) => {
        associated.set(name, handler as (event: LaunchEvent) => void);
      },
    },
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' } as unknown as Awaited<ReturnType<typeof Office.onReady>>),
    AsyncResultStatus: ASYNC_RESULT_STATUS,
    CoercionType: COERCION_TYPE,
    EventType: EVENT_TYPE,
    MailboxEnums: { ItemType: ITEM_TYPE as unknown as OfficeHost['MailboxEnums']['ItemType'] },
  };

  return {
    office,
    mail,
    calls,
    newMessages,
    associated,
    requirementQueries,
    savedRoamingSettings,
    behave: (operation, behaviour, afterSuccesses = 0) => {
      behaviours.set(operation, { behaviour, successesLeft: afterSuccesses });
    },
    releaseLate: () => {
      for (const deliver of held.splice(0)) deliver();
    },
    fireItemEvent: (eventType) => {
      for (const handler of handlers.get(eventType) ?? []) handler();
    },
    handlerCount: (eventType) => handlers.get(eventType)?.length ?? 0,
    install: () => {
      const global = globalThis as { Office?: unknown };
      global.Office = office;
      return () => {
        delete global.Office;
      };
    },
  };
}

export interface FakeCompletion {
  readonly options: Office.SmartAlertsEventCompletedOptions | undefined;
  /** The (possibly fake) clock time of the call. */
  readonly at: number;
  /** What the probe passed to createLaunchEvent said at the moment of the call, e.g. pending timers. */
  readonly probed: unknown;
}

export interface FakeLaunchEvent {
  readonly event: LaunchEvent;
  readonly completions: FakeCompletion[];
}

export function createLaunchEvent(probe: () => unknown = () => undefined): FakeLaunchEvent {
  const completions: FakeCompletion[] = [];
  return {
    event: {
      completed: (options) => {
        completions.push({ options: options as Office.SmartAlertsEventCompletedOptions | undefined, at: Date.now(), probed: probe() });
      },
    },
    completions,
  };
}

function succeeded<T>(value: T): Office.AsyncResult<T> {
  return { status: ASYNC_RESULT_STATUS.Succeeded, value } as Office.AsyncResult<T>;
}

function failed<T>(error: Office.Error): Office.AsyncResult<T> {
  return { status: ASYNC_RESULT_STATUS.Failed, error } as Office.AsyncResult<T>;
}

function lastFunction(args: readonly unknown[]): unknown {
  for (let index = args.length - 1; index >= 0; index -= 1) {
    if (typeof args[index] === 'function') return args[index];
  }
  return undefined;
}

function recipientList(value: unknown): Office.EmailAddressDetails[] {
  if (!Array.isArray(value)) throw new FakeFailure({ code: 9000, name: 'InvalidParameter', message: 'not an array' });
  return value.map((entry: unknown) =>
    typeof entry === 'string' ? recipient(entry) : ({ recipientType: 'other', ...(entry as object) } as Office.EmailAddressDetails),
  );
}
