import { ComposeMessage, type ComposeContent, type RecipientEntry } from '../../../src/playground/fake-office/compose-message.js';
import { Directory } from '../../../src/playground/fake-office/directory.js';
import { FakeItemFrame } from '../../../src/playground/fake-office/fake-item.js';
import type { MailboxVersion } from '../../../src/playground/fake-office/requirements.js';

/** Awaits the callback of one `…Async` call. */
export function call<T>(invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => invoke(resolve));
}

export function recipient(address: string, overrides: Partial<RecipientEntry> = {}): RecipientEntry {
  return { address, name: address, type: 'externalUser', resolved: true, ...overrides };
}

export const INTERNAL = ['example.co.jp'];

export function frameWith(content: Partial<ComposeContent> = {}, initializationContext = '', mailboxVersion: MailboxVersion = '1.15') {
  const message = new ComposeMessage();
  message.reset({ ...message.content, ...content });
  const frame = new FakeItemFrame({
    message,
    directory: new Directory(() => INTERNAL),
    deliver: (callback) => setTimeout(callback, 0),
    initializationContext,
    mailboxVersion,
  });
  return { message, frame, item: frame.messageItem, meeting: frame.meetingItem };
}

/** Lets every pending 0 ms timer run. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
