import { afterEach, describe, expect, it, vi } from 'vitest';
import { onItemChanged } from '../../src/office/index.js';
import { createOfficeFake } from '../fakes/office-fake.js';

const RECIPIENTS = 'olkRecipientsChanged';
const ATTACHMENTS = 'olkAttachmentsChanged';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  vi.restoreAllMocks();
});

function install() {
  const fake = createOfficeFake();
  uninstall = fake.install();
  return fake;
}

describe('onItemChanged', () => {
  it('calls the listener on recipient and attachment changes until unsubscribed', async () => {
    const fake = install();
    const listener = vi.fn();
    const unsubscribe = await onItemChanged(listener);
    fake.fireItemEvent(RECIPIENTS);
    fake.fireItemEvent(ATTACHMENTS);
    expect(listener).toHaveBeenCalledTimes(2);
    await unsubscribe();
    await unsubscribe();
    expect(fake.handlerCount(RECIPIENTS) + fake.handlerCount(ATTACHMENTS)).toBe(0);
    expect(fake.calls.filter((call) => call.operation === 'removeHandlerAsync')).toHaveLength(2);
  });

  it('removes the first handler again when the second cannot be added', async () => {
    const fake = install();
    fake.behave('addHandlerAsync', { kind: 'fail', code: 9030 }, 1);
    await expect(onItemChanged(vi.fn())).rejects.toMatchObject({ kind: 'failed', code: '9030' });
    expect(fake.handlerCount(RECIPIENTS)).toBe(0);
    expect(fake.calls.map((call) => call.operation)).toEqual(['addHandlerAsync', 'addHandlerAsync', 'removeHandlerAsync']);
  });

  it('keeps a throwing listener inside the Office callback', async () => {
    const fake = install();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await onItemChanged(() => {
      throw new Error('listener bug');
    });
    expect(() => fake.fireItemEvent(RECIPIENTS)).not.toThrow();
  });
});
