// The part of office.js this gateway uses, cut from @types/office-js with Pick so that a fake built
// against these types cannot drift from the real API.
import { OfficeCallError } from './office-call-error.js';

export type RecipientsApi = Pick<Office.Recipients, 'getAsync' | 'setAsync' | 'addAsync'>;

/** What messages and appointments being composed share. */
interface ItemBase {
  /** Office.MailboxEnums.ItemType: the one way Office.js says whether the item is a meeting. */
  readonly itemType?: Office.MailboxEnums.ItemType | string;
  readonly subject: Pick<Office.Subject, 'getAsync'>;
  /** getTypeAsync and prependAsync: Mailbox 1.1. */
  readonly body: Pick<Office.Body, 'getAsync' | 'getTypeAsync' | 'prependAsync'>;
  /** Mailbox 1.11. */
  readonly sessionData?: Pick<Office.SessionData, 'getAllAsync' | 'setAsync'>;
  getAttachmentsAsync: Office.MessageCompose['getAttachmentsAsync'];
  /** Mailbox 1.8. */
  getAttachmentContentAsync: Office.MessageCompose['getAttachmentContentAsync'];
  /** Mailbox 1.8. */
  addFileAttachmentFromBase64Async: Office.MessageCompose['addFileAttachmentFromBase64Async'];
  removeAttachmentAsync: Office.MessageCompose['removeAttachmentAsync'];
  addHandlerAsync: Office.MessageCompose['addHandlerAsync'];
  removeHandlerAsync: Office.MessageCompose['removeHandlerAsync'];
  /** Mailbox 1.15, task panes only, ReadWriteMailbox. */
  sendAsync?: Office.MessageCompose['sendAsync'];
}

export interface MessageItem extends ItemBase {
  readonly to: RecipientsApi;
  readonly cc: RecipientsApi;
  readonly bcc: RecipientsApi;
  /** Mailbox 1.7. */
  readonly from?: Pick<Office.From, 'getAsync'>;
  /** Mailbox 1.13. */
  readonly delayDeliveryTime?: Pick<Office.DelayDeliveryTime, 'getAsync' | 'setAsync'>;
  /** Mailbox 1.8. */
  readonly internetHeaders?: Pick<Office.InternetHeaders, 'setAsync'>;
}

/**
 * A meeting the organiser is composing (Office.AppointmentCompose). It has no Bcc, and Office.js offers no
 * list of resources: rooms are locations (enhancedLocation, LocationType.Room), never attendees, and
 * RecipientType has no value for a room
 * (https://learn.microsoft.com/javascript/api/outlook/office.appointmentcompose).
 */
export interface AppointmentItem extends ItemBase {
  readonly requiredAttendees: RecipientsApi;
  readonly optionalAttendees: RecipientsApi;
  /** Mailbox 1.7. */
  readonly organizer?: Pick<Office.Organizer, 'getAsync'>;
}

export type ComposeItem = MessageItem | AppointmentItem;

export interface OfficeHost {
  readonly context: {
    readonly displayLanguage: string;
    /** Mailbox 1.14; `isDarkTheme` and `themeId` are not supported in Outlook. */
    readonly officeTheme?: Pick<Office.OfficeTheme, 'bodyBackgroundColor' | 'bodyForegroundColor'>;
    readonly requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>;
    /** Which Outlook runs the add-in (`OfficeOnline`, `PC`, `Mac`, …), for audit events only. */
    readonly diagnostics?: Pick<Office.ContextInformation, 'platform'>;
    /** Mailbox 1.1; absent where a client offers none (src/office/roaming-history.ts). */
    readonly roamingSettings?: Pick<Office.RoamingSettings, 'get' | 'set' | 'saveAsync'>;
    readonly mailbox: {
      readonly item?: ComposeItem | null;
      /** Task panes only; never from a launch-event handler. */
      readonly displayNewMessageForm?: Office.Mailbox['displayNewMessageForm'];
      readonly userProfile?: Pick<Office.UserProfile, 'emailAddress'>;
    };
  };
  readonly actions: Pick<Office.Actions, 'associate'>;
  readonly onReady: typeof Office.onReady;
  readonly AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, 'Succeeded' | 'Failed'>;
  readonly CoercionType: Pick<typeof Office.CoercionType, 'Text' | 'Html'>;
  readonly EventType: Pick<typeof Office.EventType, 'RecipientsChanged' | 'AttachmentsChanged'> &
    Partial<Pick<typeof Office.EventType, 'InitializationContextChanged'>>;
  readonly MailboxEnums: {
    readonly ItemType: Pick<typeof Office.MailboxEnums.ItemType, 'Appointment'>;
    /** Mailbox 1.14: sendModeOverride's values. */
    readonly SendModeOverride?: Pick<typeof Office.MailboxEnums.SendModeOverride, 'PromptUser'>;
  };
}

/** office.js's global, or null where it is not loaded (a page opened outside Outlook). */
export function officeHost(): OfficeHost | null {
  return typeof Office === 'undefined' ? null : Office;
}

export function requireHost(operation: string): OfficeHost {
  const host = officeHost();
  if (host === null) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'office.js is not loaded');
  return host;
}

export function requireItem(operation: string): ComposeItem {
  const item = requireHost(operation).context.mailbox?.item;
  if (item === null || item === undefined) {
    throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'no compose item');
  }
  return item;
}

/** The item is a meeting the organiser composes (Office.MailboxEnums.ItemType.Appointment). */
export function isAppointment(item: ComposeItem, operation: string): item is AppointmentItem {
  return item.itemType === requireHost(operation).MailboxEnums.ItemType.Appointment;
}
