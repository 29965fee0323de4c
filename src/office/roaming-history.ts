// The sender's history of outside addresses in the mailbox's roaming settings (Mailbox 1.1), which Office
// loads when the add-in starts and which event handlers may use
// (https://learn.microsoft.com/javascript/api/outlook/office.roamingsettings). docs/policy.md "First-time
// recipients" says what is kept and why two open compose windows mean the last save wins.
import {
  decodeHistory,
  emptyHistory,
  encodeHistory,
  historyDay,
  pruneHistory,
  type HistoryLimits,
  type RecipientHistory,
} from '../policy/index.js';
import { callOffice } from './office-call.js';
import { officeHost } from './office-host.js';
import { callSettings, type CallOptions } from './timers.js';

export const HISTORY_SETTING = 'preflight.history';

export type StoredHistory =
  /** This client offers no roaming settings, or reading them threw: nobody is called new, nothing is kept. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'found'; readonly history: RecipientHistory }
  /** No history yet, or one that could not be read (`problem` says why): a new one under a new key. */
  | { readonly kind: 'started'; readonly history: RecipientHistory; readonly problem: string | null };

type RoamingSettings = Pick<Office.RoamingSettings, 'get' | 'set' | 'saveAsync'>;

function roamingSettings(): RoamingSettings | null {
  return officeHost()?.context.roamingSettings ?? null;
}

/** Synchronous: Office read the settings when the add-in loaded. `newKey` is asked only when a history starts. */
export function readStoredHistory(newKey: () => string): StoredHistory {
  let value: unknown;
  try {
    const settings = roamingSettings();
    if (settings === null) return { kind: 'unavailable', reason: 'no roaming settings' };
    value = settings.get(HISTORY_SETTING);
  } catch {
    return { kind: 'unavailable', reason: 'roaming settings threw' };
  }
  if (value === undefined || value === null) return { kind: 'started', history: emptyHistory(newKey()), problem: null };
  const decoded = decodeHistory(value);
  return decoded.ok
    ? { kind: 'found', history: decoded.history }
    : { kind: 'started', history: emptyHistory(newKey()), problem: decoded.problem };
}

/**
 * The history as the check asks for it: pruned to `limits` as of `nowMs`, or null where this client has
 * none. What was wrong is logged, never the content.
 */
export function readRecipientHistory(limits: HistoryLimits, nowMs: number, newKey: () => string): RecipientHistory | null {
  const stored = readStoredHistory(newKey);
  if (stored.kind === 'unavailable') {
    console.warn('Preflight: no recipient history here', stored.reason);
    return null;
  }
  if (stored.kind === 'started' && stored.problem !== null)
    console.warn('Preflight: recipient history unreadable, starting anew', stored.problem);
  return pruneHistory(stored.history, historyDay(nowMs), limits);
}

/** Sets the history and saves the roaming settings; rejects with an OfficeCallError when Office fails or is late. */
export function saveStoredHistory(history: RecipientHistory, options?: CallOptions): Promise<void> {
  const operation = 'roamingSettings.saveAsync';
  return callOffice<void>(operation, callSettings(options), (callback) => {
    const settings = roamingSettings();
    if (settings === null) throw new Error('no roaming settings');
    settings.set(HISTORY_SETTING, encodeHistory(history));
    settings.saveAsync(callback);
  });
}
