// The global `Office` one playground frame sees: typed by cutting @types/office-js, so the handler bundle
// and the pane run against the same signatures as in Outlook.
import type { Deliver } from './async-result.js';
import {
  ASYNC_RESULT_STATUS,
  ATTACHMENT_CONTENT_FORMAT,
  ATTACHMENT_STATUS,
  ATTACHMENT_TYPE,
  COERCION_TYPE,
  EVENT_TYPE,
  HOST_TYPE,
  ITEM_TYPE,
  SEND_MODE_OVERRIDE,
  PLATFORM_TYPE,
  RECIPIENT_TYPE,
  asEnum,
} from './enums.js';
import type { FakeItem } from './fake-item.js';
import { FakeRoamingSettings } from './roaming-settings.js';
import { claimsAtLeast, isSetSupported, type MailboxVersion } from './requirements.js';

export type Theme = 'light' | 'dark';

export interface HostSettings {
  /** `ja-JP`, `en-US`, … */
  readonly displayLanguage: string;
  readonly theme: Theme;
  readonly mailboxVersion: MailboxVersion;
  /** The manifest's permission; ReadWriteMailbox lets the pane send (item.sendAsync). Default ReadWriteItem. */
  readonly permission?: Permission;
  /** The mailbox's roaming settings; absent: a client without them, so no recipient history. */
  readonly roamingSettings?: Map<string, unknown>;
}

/** The two permissions the manifest can ask for (scripts/manifest.js). */
export const PERMISSIONS = ['ReadWriteItem', 'ReadWriteMailbox'] as const;
export type Permission = (typeof PERMISSIONS)[number];

type ThemeColours = Pick<
  Office.OfficeTheme,
  'bodyBackgroundColor' | 'bodyForegroundColor' | 'controlBackgroundColor' | 'controlForegroundColor'
>;

/** Outlook on the web's body and control colours in its default light and dark themes. */
export const THEME_COLOURS: Readonly<Record<Theme, ThemeColours>> = {
  light: {
    bodyBackgroundColor: '#ffffff',
    bodyForegroundColor: '#242424',
    controlBackgroundColor: '#ffffff',
    controlForegroundColor: '#242424',
  },
  dark: {
    bodyBackgroundColor: '#292929',
    bodyForegroundColor: '#ffffff',
    controlBackgroundColor: '#1f1f1f',
    controlForegroundColor: '#ffffff',
  },
};

type OnReadyInfo = Awaited<ReturnType<typeof Office.onReady>>;

export interface FakeOffice {
  readonly context: {
    readonly displayLanguage: string;
    /** Outlook has officeTheme from Mailbox 1.14 on. */
    readonly officeTheme: ThemeColours | undefined;
    readonly requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>;
    /** What Outlook on the web reports; the audit names the client by it (src/office/host-info.ts). */
    readonly diagnostics: Pick<Office.ContextInformation, 'platform'>;
    readonly roamingSettings?: FakeRoamingSettings;
    readonly mailbox: {
      readonly item: FakeItem | null;
      readonly displayNewMessageForm?: Office.Mailbox['displayNewMessageForm'];
      readonly userProfile: Pick<Office.UserProfile, 'emailAddress' | 'displayName'>;
    };
  };
  readonly actions: Pick<Office.Actions, 'associate'>;
  readonly onReady: typeof Office.onReady;
  readonly AsyncResultStatus: typeof Office.AsyncResultStatus;
  readonly CoercionType: Pick<typeof Office.CoercionType, 'Text' | 'Html'>;
  readonly EventType: Pick<typeof Office.EventType, 'RecipientsChanged' | 'AttachmentsChanged' | 'InitializationContextChanged'>;
  readonly HostType: Pick<typeof Office.HostType, 'Outlook'>;
  readonly PlatformType: Pick<typeof Office.PlatformType, 'OfficeOnline'>;
  readonly MailboxEnums: {
    readonly RecipientType: typeof Office.MailboxEnums.RecipientType;
    readonly AttachmentType: Pick<typeof Office.MailboxEnums.AttachmentType, 'File' | 'Item' | 'Cloud'>;
    readonly AttachmentContentFormat: typeof Office.MailboxEnums.AttachmentContentFormat;
    readonly AttachmentStatus: typeof Office.MailboxEnums.AttachmentStatus;
    readonly ItemType: typeof Office.MailboxEnums.ItemType;
    readonly SendModeOverride: typeof Office.MailboxEnums.SendModeOverride;
  };
}

/**
 * The signed-in mailbox. The playground's server knows one user, the development token's
 * (src/server/auth/development-token.ts), and signs approvals for that address, so the mailbox is the same.
 */
export const PLAYGROUND_USER = Object.freeze({ emailAddress: 'developer@localhost', displayName: 'Developer' });

export interface FakeOfficeOptions {
  readonly settings: HostSettings;
  /** Read on every access: the compose window may hold a message or a meeting by then. */
  readonly item: () => FakeItem | null;
  readonly deliver: Deliver;
  /** Office.actions.associate: where the frame's handlers go. */
  readonly associate: (name: string, handler: (event?: unknown) => void) => void;
  /** displayNewMessageForm, for task panes only (absent for the event runtime, as in Outlook). */
  readonly newMessage?: (form: Office.MessageForm) => void;
}

export function createFakeOffice(options: FakeOfficeOptions): FakeOffice {
  const { settings, item, deliver, associate, newMessage } = options;
  const readyInfo = {
    host: asEnum<Office.HostType>(HOST_TYPE.Outlook),
    platform: asEnum<Office.PlatformType>(PLATFORM_TYPE.OfficeOnline),
  } satisfies OnReadyInfo;
  const onReady = (callback?: (info: OnReadyInfo) => unknown): Promise<OnReadyInfo> =>
    new Promise((resolve) => {
      deliver(() => {
        callback?.(readyInfo);
        resolve(readyInfo);
      });
    });
  return {
    context: {
      displayLanguage: settings.displayLanguage,
      officeTheme: claimsAtLeast(settings.mailboxVersion, '1.14') ? { ...THEME_COLOURS[settings.theme] } : undefined,
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) => isSetSupported(settings.mailboxVersion, name, minVersion),
      },
      diagnostics: { platform: asEnum<Office.PlatformType>(PLATFORM_TYPE.OfficeOnline) },
      ...(settings.roamingSettings === undefined ? {} : { roamingSettings: new FakeRoamingSettings(settings.roamingSettings, deliver) }),
      mailbox: {
        get item() {
          return item();
        },
        ...(newMessage === undefined ? {} : { displayNewMessageForm: (form: Office.MessageForm) => newMessage(form) }),
        userProfile: PLAYGROUND_USER,
      },
    },
    actions: {
      associate: (actionId: string, actionFunction: (arg?: unknown) => void) => associate(actionId, actionFunction),
    },
    onReady,
    AsyncResultStatus: asEnum<typeof Office.AsyncResultStatus>(ASYNC_RESULT_STATUS),
    CoercionType: asEnum<typeof Office.CoercionType>(COERCION_TYPE),
    EventType: asEnum<typeof Office.EventType>(EVENT_TYPE),
    HostType: asEnum<typeof Office.HostType>(HOST_TYPE),
    PlatformType: asEnum<typeof Office.PlatformType>(PLATFORM_TYPE),
    MailboxEnums: {
      RecipientType: asEnum<typeof Office.MailboxEnums.RecipientType>(RECIPIENT_TYPE),
      AttachmentType: asEnum<typeof Office.MailboxEnums.AttachmentType>(ATTACHMENT_TYPE),
      AttachmentContentFormat: asEnum<typeof Office.MailboxEnums.AttachmentContentFormat>(ATTACHMENT_CONTENT_FORMAT),
      AttachmentStatus: asEnum<typeof Office.MailboxEnums.AttachmentStatus>(ATTACHMENT_STATUS),
      ItemType: asEnum<typeof Office.MailboxEnums.ItemType>(ITEM_TYPE),
      SendModeOverride: asEnum<typeof Office.MailboxEnums.SendModeOverride>(SEND_MODE_OVERRIDE),
    },
  };
}
