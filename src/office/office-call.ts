import { describeError } from '../policy/index.js';
import { OfficeCallError } from './office-call-error.js';
import { requireHost } from './office-host.js';
import type { CallSettings } from './timers.js';

/**
 * The one wrapper every `…Async` call goes through: resolves with the value on Succeeded, rejects with an
 * OfficeCallError on Failed, on a synchronous throw and on timeout. A callback that arrives after the
 * timeout is ignored, and the timer is cleared as soon as the call settles.
 */
export function callOffice<T>(
  operation: string,
  settings: CallSettings,
  invoke: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: unknown;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      settings.timers.cancel(timer);
      outcome();
    };
    timer = settings.timers.start(() => {
      settle(() => reject(new OfficeCallError(operation, 'timeout', 'timeout', `no answer within ${settings.timeoutMs} ms`)));
    }, settings.timeoutMs);
    try {
      const succeeded = requireHost(operation).AsyncResultStatus.Succeeded;
      invoke((result) => {
        settle(() => {
          if (result.status === succeeded) resolve(result.value);
          else reject(failure(operation, result.error));
        });
      });
    } catch (error) {
      settle(() => reject(error instanceof OfficeCallError ? error : thrown(operation, error)));
    }
  });
}

function failure(operation: string, error: Office.Error | undefined): OfficeCallError {
  const code = typeof error?.code === 'number' ? String(error.code) : (error?.name ?? 'unknown');
  const detail = [error?.name, error?.message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return new OfficeCallError(operation, 'failed', code, detail);
}

function thrown(operation: string, error: unknown): OfficeCallError {
  return new OfficeCallError(operation, 'threw', 'threw', describeError(error));
}
