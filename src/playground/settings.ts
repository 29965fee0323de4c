// The playground's settings live in the page address (?lang=ja-JP&theme=dark&mailbox=1.14&permission=ReadWriteMailbox&latency=50&history=on), so a
// setup can be bookmarked, linked from docs and opened directly by the browser tests.
import { PERMISSIONS, type Permission, type Theme } from './fake-office/fake-office.js';
import { MAILBOX_VERSIONS, type MailboxVersion } from './fake-office/requirements.js';

export const DISPLAY_LANGUAGES = ['en-US', 'ja-JP'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

export const THEMES: readonly Theme[] = ['light', 'dark'];
export const LATENCIES_MS = [0, 50, 500, 2000] as const;
/** `off` emulates a client without roaming settings, where no recipient history is kept (the default here). */
export const HISTORY_MODES = ['off', 'on'] as const;
export type HistoryMode = (typeof HISTORY_MODES)[number];

export interface PlaygroundSettings {
  readonly displayLanguage: DisplayLanguage;
  readonly theme: Theme;
  readonly mailboxVersion: MailboxVersion;
  readonly permission: Permission;
  readonly latencyMs: number;
  readonly history: HistoryMode;
}

export function readSettings(query: string, browserLanguage: string | undefined): PlaygroundSettings {
  const params = new URLSearchParams(query);
  const latency = Number(params.get('latency'));
  const latencies: readonly number[] = LATENCIES_MS;
  return {
    displayLanguage: oneOf(DISPLAY_LANGUAGES, params.get('lang')) ?? (browserLanguage?.toLowerCase().startsWith('ja') ? 'ja-JP' : 'en-US'),
    theme: oneOf(THEMES, params.get('theme')) ?? 'light',
    mailboxVersion: oneOf(MAILBOX_VERSIONS, params.get('mailbox')) ?? '1.15',
    permission: oneOf(PERMISSIONS, params.get('permission')) ?? 'ReadWriteItem',
    latencyMs: latencies.includes(latency) ? latency : 0,
    history: oneOf(HISTORY_MODES, params.get('history')) ?? 'off',
  };
}

export function writeSettings(settings: PlaygroundSettings): string {
  const params = new URLSearchParams({
    lang: settings.displayLanguage,
    theme: settings.theme,
    mailbox: settings.mailboxVersion,
    permission: settings.permission,
    latency: String(settings.latencyMs),
    history: settings.history,
  });
  return `?${params.toString()}`;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
