// A ZIP's password handed to link mode: the password becomes a small text file behind a secure link (with
// a one-time code when the policy asks for one), and the link goes to the same people in a separate
// message the user checks and sends. The ZIP's message itself never carries the password or its link.
import type { NewMessageForm } from '../office/index.js';
import type { MessageSnapshot } from '../policy/index.js';
import { describeError } from '../policy/index.js';
import type { CompletedLinks } from '../protocol/index.js';
import { linkRecipients } from './protect-link.js';
import type { ApiFailureCode } from './api-failure.js';
import { shareFiles, type SharePorts, type ShareStage } from './share-files.js';

export interface PasswordLinkPorts extends SharePorts {
  openNewMessage(form: NewMessageForm): void;
}

export interface PasswordLinkChoice {
  readonly fileName: string;
  readonly fileText: string;
  /** The separate message, once the links exist. */
  readonly form: (links: CompletedLinks, file: { readonly name: string; readonly size: number }) => NewMessageForm;
}

export type PasswordLinkOutcome =
  | { readonly ok: true }
  /** `read`: the item itself could not be read first (protection-commands.ts). */
  | {
      readonly ok: false;
      readonly stage: 'recipients' | 'read' | ShareStage | 'open';
      readonly detail: string;
      readonly cause?: ApiFailureCode | null;
    };

export async function sharePasswordByLink(
  ports: PasswordLinkPorts,
  snapshot: MessageSnapshot,
  choice: PasswordLinkChoice,
): Promise<PasswordLinkOutcome> {
  const recipients = linkRecipients(snapshot);
  if (!recipients.ok) return { ok: false, stage: 'recipients', detail: recipients.detail };
  const bytes = new TextEncoder().encode(choice.fileText) as Uint8Array<ArrayBuffer>;
  const shared = await shareFiles(ports, [{ name: choice.fileName, bytes }], recipients.addresses, () => undefined);
  if (!shared.ok) return shared;
  try {
    ports.openNewMessage(choice.form(shared.links, { name: choice.fileName, size: bytes.length }));
  } catch (error) {
    await shared.withdraw();
    return { ok: false, stage: 'open', detail: describeError(error) };
  }
  return { ok: true };
}
