import { fieldsOf, instant, isCount, isText, listOf } from './fields.js';

/**
 * `GET /api/dev/mail`: the mail a development server without an SMTP relay kept instead of sending
 * (one-time codes, approval requests), newest first; only for the development token (docs/api.md).
 */
export interface CaughtMail {
  /** Counts up from 1 while the server runs; stable for one message, so a list can key on it. */
  readonly id: number;
  readonly to: string;
  readonly subject: string;
  /** The plain-text body as it would have gone. */
  readonly text: string;
  /** When the server would have sent it (ISO 8601). */
  readonly sentAt: string;
}

export interface DevMailAnswer {
  readonly messages: readonly CaughtMail[];
}

function caughtMail(fields: Readonly<Record<string, unknown>>): CaughtMail | null {
  const { id, to, subject, text, sentAt } = fields;
  if (!isCount(id) || !isText(to) || typeof subject !== 'string' || typeof text !== 'string' || !instant(sentAt)) return null;
  return { id, to, subject, text, sentAt };
}

/** Null when the answer is not a list of caught messages. */
export function parseDevMailAnswer(value: unknown): DevMailAnswer | null {
  const messages = listOf(fieldsOf(value)?.['messages'], caughtMail);
  return messages === null ? null : { messages };
}
