// What Outlook does with the options a send handler passes to event.completed: send, or show the Smart
// Alerts dialog with which text and buttons. Options the claimed Mailbox version lacks are ignored, as
// an older client ignores them (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events).
import { claimsAtLeast, type MailboxVersion } from './fake-office/requirements.js';

/**
 * The manifest's task pane Control ids, one per surface (ids are unique in a manifest); any other commandId
 * makes the button merely close the dialog.
 */
export const PANE_COMMAND_ID = 'msgComposeOpenPaneButton';
export const APPOINTMENT_PANE_COMMAND_ID = 'apptOrganizerOpenPaneButton';

export const LIMITS = { errorMessage: 500, errorMessageMarkdown: 500, cancelLabel: 20 } as const;

export type AlertBody =
  { readonly kind: 'markdown'; readonly source: string } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'default' };

export interface AlertAction {
  readonly label: string;
  /** False when commandId names no task pane of ours: the button then only closes the dialog. */
  readonly opensPane: boolean;
  readonly contextData: string;
}

export type SendOutcome =
  | { readonly kind: 'send' }
  | {
      readonly kind: 'alert';
      readonly body: AlertBody;
      readonly action: AlertAction | null;
      /** sendModeOverride PromptUser (Mailbox 1.14): the dialog offers Send Anyway. */
      readonly sendAnyway: boolean;
    };

/** Something Outlook would reject or cut that the developer should hear about. */
export interface CompletionWarning {
  readonly option: string;
  readonly problem: 'too-long' | 'wrong-type' | 'ignored';
  readonly detail: number | string;
}

export interface Interpretation {
  readonly outcome: SendOutcome;
  readonly warnings: readonly CompletionWarning[];
}

/** `paneCommandId`: the review button's Control id on the surface where Send was pressed. */
export function interpretCompletion(options: unknown, version: MailboxVersion, paneCommandId: string = PANE_COMMAND_ID): Interpretation {
  const warnings: CompletionWarning[] = [];
  const record = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  // event.completed() without options lets the send go, as does allowEvent: true.
  if (record['allowEvent'] !== false) return { outcome: { kind: 'send' }, warnings };

  const text = stringOption(record, 'errorMessage', warnings);
  const markdown = claimsAtLeast(version, '1.15')
    ? stringOption(record, 'errorMessageMarkdown', warnings)
    : ignored(record, 'errorMessageMarkdown', warnings);
  const body: AlertBody =
    markdown !== undefined && markdown !== ''
      ? { kind: 'markdown', source: markdown }
      : text !== undefined && text !== ''
        ? { kind: 'text', text }
        : { kind: 'default' };

  let action: AlertAction | null = null;
  let sendAnyway = false;
  if (claimsAtLeast(version, '1.14')) {
    const override = record['sendModeOverride'];
    if (override !== undefined && override !== 'promptUser')
      warnings.push({ option: 'sendModeOverride', problem: 'wrong-type', detail: String(override) });
    sendAnyway = override === 'promptUser';
    const commandId = stringOption(record, 'commandId', warnings);
    const label = stringOption(record, 'cancelLabel', warnings);
    const contextData = record['contextData'];
    if (contextData !== undefined && typeof contextData !== 'string') {
      warnings.push({ option: 'contextData', problem: 'wrong-type', detail: typeof contextData });
    }
    // New Outlook shows the button only with a commandId
    // (https://learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions).
    if (commandId !== undefined && commandId !== '') {
      action = {
        label: label !== undefined && label !== '' ? label : '',
        opensPane: commandId === paneCommandId,
        contextData: typeof contextData === 'string' ? contextData : contextData === undefined ? '' : JSON.stringify(contextData),
      };
    }
  } else {
    for (const option of ['commandId', 'cancelLabel', 'contextData', 'sendModeOverride']) ignored(record, option, warnings);
  }
  return { outcome: { kind: 'alert', body, action, sendAnyway }, warnings };
}

function stringOption(
  record: Record<string, unknown>,
  option: keyof typeof LIMITS | 'commandId',
  warnings: CompletionWarning[],
): string | undefined {
  const value = record[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    warnings.push({ option, problem: 'wrong-type', detail: typeof value });
    return undefined;
  }
  const limit = option === 'commandId' ? undefined : LIMITS[option];
  if (limit !== undefined && value.length > limit) warnings.push({ option, problem: 'too-long', detail: value.length });
  return value;
}

function ignored(record: Record<string, unknown>, option: string, warnings: CompletionWarning[]): undefined {
  if (record[option] !== undefined) warnings.push({ option, problem: 'ignored', detail: option });
  return undefined;
}
