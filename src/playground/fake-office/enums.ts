// The office.js enums the add-in reads, with the values office.js has at run time. Where @types/office-js
// states a value (string enums), `satisfies` checks ours against it; the event names are the `type` strings
// of the event-args interfaces, because the typings declare EventType without values.

type ValuesOf<E> = { readonly [K in keyof E]: `${E[K] & (string | number)}` };

export const ASYNC_RESULT_STATUS = { Succeeded: 0, Failed: 1 } as const;

export const COERCION_TYPE = { Text: 'text', Html: 'html' } as const satisfies Partial<ValuesOf<typeof Office.CoercionType>>;

export const EVENT_TYPE = {
  RecipientsChanged: 'olkRecipientsChanged',
  AttachmentsChanged: 'olkAttachmentsChanged',
  InitializationContextChanged: 'olkInitializationContextChanged',
} as const satisfies {
  readonly RecipientsChanged: Office.RecipientsChangedEventArgs['type'];
  readonly AttachmentsChanged: Office.AttachmentsChangedEventArgs['type'];
  readonly InitializationContextChanged: Office.InitializationContextChangedEventArgs['type'];
};

export const RECIPIENT_TYPE = {
  DistributionList: 'distributionList',
  User: 'user',
  ExternalUser: 'externalUser',
  Other: 'other',
} as const satisfies ValuesOf<typeof Office.MailboxEnums.RecipientType>;

export const ATTACHMENT_TYPE = { File: 'file', Item: 'item', Cloud: 'cloud' } as const satisfies Partial<
  ValuesOf<typeof Office.MailboxEnums.AttachmentType>
>;

export const ATTACHMENT_CONTENT_FORMAT = {
  Base64: 'base64',
  Url: 'url',
  Eml: 'eml',
  ICalendar: 'iCalendar',
} as const satisfies ValuesOf<typeof Office.MailboxEnums.AttachmentContentFormat>;

export const ATTACHMENT_STATUS = { Added: 'added', Removed: 'removed' } as const satisfies ValuesOf<
  typeof Office.MailboxEnums.AttachmentStatus
>;

export const ITEM_TYPE = { Message: 'message', Appointment: 'appointment' } as const satisfies ValuesOf<
  typeof Office.MailboxEnums.ItemType
>;

export const SEND_MODE_OVERRIDE = { PromptUser: 'promptUser' } as const satisfies ValuesOf<typeof Office.MailboxEnums.SendModeOverride>;

export const HOST_TYPE = { Outlook: 'Outlook' } as const satisfies Partial<ValuesOf<typeof Office.HostType>>;

export const PLATFORM_TYPE = { OfficeOnline: 'OfficeOnline' } as const satisfies Partial<ValuesOf<typeof Office.PlatformType>>;

/**
 * The typings model these as TypeScript enums, which a plain object cannot be; the values above are the
 * ones office.js uses, so this one cast is where the fake meets the declared enum types.
 */
export function asEnum<E>(values: unknown): E {
  return values as E;
}
