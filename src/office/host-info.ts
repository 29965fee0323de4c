// Synchronous facts about the host, plus the two entry points office.js offers (onReady, actions.associate).
import { describeError } from '../policy/index.js';
import { OfficeCallError } from './office-call-error.js';
import { officeHost } from './office-host.js';

/** Versions are strings on purpose: as numbers, "1.1" and "1.10" would be the same set. */
export type MailboxVersion = '1.11' | '1.12' | '1.13' | '1.14' | '1.15' | '1.16';

export function supportsMailbox(version: MailboxVersion): boolean {
  try {
    return officeHost()?.context.requirements.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}

const MAILBOX_SETS: readonly MailboxVersion[] = ['1.16', '1.15', '1.14', '1.13', '1.12', '1.11'];

/** The client as audit events name it: its platform and the highest Mailbox set it supports ('' below 1.11). */
export function clientInfo(): { readonly platform: string; readonly mailbox: string } {
  let platform = 'unknown';
  try {
    const reported = officeHost()?.context.diagnostics?.platform;
    if (typeof reported === 'string' && /^[A-Za-z0-9._ -]{1,40}$/.test(reported)) platform = reported;
  } catch {
    // Diagnostics are a nicety; without them the event still counts.
  }
  return { platform, mailbox: MAILBOX_SETS.find((version) => supportsMailbox(version)) ?? '' };
}

/** The signed-in mailbox's own address (Mailbox 1.1, also in event handlers); null when Office has none. */
export function mailboxUserAddress(): string | null {
  try {
    const address = officeHost()?.context.mailbox.userProfile?.emailAddress;
    return typeof address === 'string' && address.includes('@') ? address : null;
  } catch {
    return null;
  }
}

/** Outlook's display language (`ja-JP`, `en-US`, …); English when office.js is not there. */
export function displayLanguage(): string {
  const language = officeHost()?.context.displayLanguage;
  return typeof language === 'string' && language !== '' ? language : 'en-US';
}

export interface OfficeThemeInfo {
  readonly isDark: boolean;
  readonly background?: string;
  readonly foreground?: string;
}

/** Outlook's body colours (Mailbox 1.14), or null before that. Outlook has no `isDarkTheme`, so it is derived. */
export function officeTheme(): OfficeThemeInfo | null {
  const theme = officeHost()?.context.officeTheme;
  const background = theme?.bodyBackgroundColor;
  if (typeof background !== 'string' || background === '') return null;
  const foreground = theme?.bodyForegroundColor;
  return {
    isDark: isDarkColour(background),
    background,
    ...(typeof foreground === 'string' && foreground !== '' ? { foreground } : {}),
  };
}

function isDarkColour(hex: string): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (match === null) return false;
  const [red, green, blue] = match.slice(1).map((part) => Number.parseInt(part, 16) / 255) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}

/** Resolves when office.js has initialised; rejects at once when office.js is not loaded at all. */
export function whenOfficeReady(): Promise<void> {
  const host = officeHost();
  if (host === null) {
    return Promise.reject(new OfficeCallError('Office.onReady', 'unavailable', 'unavailable', 'office.js is not loaded'));
  }
  try {
    return host.onReady().then(() => undefined);
  } catch (error) {
    return Promise.reject(new OfficeCallError('Office.onReady', 'threw', 'threw', describeError(error)));
  }
}

/**
 * Binds a manifest FunctionName to its handler. Without it SoftBlock users cannot send at all, so the
 * handler bundle calls it at top level (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events). False when office.js is missing.
 */
export function associateAction(name: string, handler: (event: never) => void): boolean {
  const host = officeHost();
  if (host === null) return false;
  host.actions.associate(name, handler as (arg?: unknown) => void);
  return true;
}
