import type { Keyring } from '../crypto/keyring.js';
import type { CodeMailer } from '../mail/code-mailer.js';
import type { Storage } from '../storage/open-storage.js';
import type { LinkLimits } from './link-limits.js';

/** What the link mode's operations share; `now` is injected so tests can move time. */
export interface LinkContext {
  readonly storage: Storage;
  readonly keyring: Keyring;
  readonly limits: LinkLimits;
  readonly now: () => number;
  /** Null when no SMTP relay is configured: links that need a code cannot be created. */
  readonly mailer: CodeMailer | null;
  readonly publicOrigin: string;
}

export interface Failure {
  readonly status: number;
  readonly reason: string;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T>(status: number, reason: string, message: string): Outcome<T> {
  return { ok: false, failure: { status, reason, message } };
}
