// The event object Outlook passes to a launch-event handler, and the one call it offers.
import { officeHost } from './office-host.js';

export type LaunchEvent = Pick<Office.MailboxEvent, 'completed'>;

/** The Smart Alerts options the handler uses; limits are in https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events. */
export interface SendCompletion {
  readonly allowEvent: boolean;
  /** ≤500 characters. */
  readonly errorMessage?: string;
  /** Mailbox 1.15, ≤500 characters. */
  readonly errorMessageMarkdown?: string;
  /** Mailbox 1.14, ≤20 characters; shown only with commandId. */
  readonly cancelLabel?: string;
  /** Mailbox 1.14: the manifest Control id of the task pane button. */
  readonly commandId?: string;
  /** Mailbox 1.14; a string because classic Outlook before 2402 accepts nothing else. */
  readonly contextData?: string;
  /** Mailbox 1.14: sendModeOverride PromptUser, so the dialog offers Send Anyway. */
  readonly promptUser?: boolean;
}

export function completeEvent(event: LaunchEvent, completion?: SendCompletion): void {
  if (completion === undefined) {
    event.completed();
    return;
  }
  const { promptUser, ...options } = completion;
  event.completed(promptUser === true ? { ...options, sendModeOverride: promptUserMode() } : options);
}

/** The enum's value where office.js defines it; its documented string value where it does not. */
function promptUserMode(): Office.MailboxEnums.SendModeOverride {
  const mode = officeHost()?.MailboxEnums?.SendModeOverride?.PromptUser;
  return mode ?? ('promptUser' as Office.MailboxEnums.SendModeOverride);
}
