// How the fake answers an `…Async` call: an Office.AsyncResult handed to the callback later, never
// during the call, because Outlook always answers asynchronously and code that assumes otherwise must fail here too.
import { ASYNC_RESULT_STATUS, asEnum } from './enums.js';

/** Runs a callback later; the playground delays by the emulated latency, tests may run it on the next tick. */
export type Deliver = (callback: () => void) => void;

export type Callback<T> = ((result: Office.AsyncResult<T>) => void) | undefined;

/**
 * The failures the fake can produce. Names are the ones the Outlook reference documents for each method
 * (except sendStopped: the reference names no error for a send an add-in stopped);
 * the numbers sit in Outlook's 9000 range but are the playground's own, so add-in code should branch on
 * the status, never on a code.
 */
export const OFFICE_ERRORS = {
  invalidCoercion: { code: 1000, name: 'Invalid Coercion Type', message: 'The specified coercion type is not supported.' },
  invalidAttachmentId: { code: 9003, name: 'InvalidAttachmentId', message: 'The attachment ID does not exist.' },
  numberOfRecipientsExceeded: {
    code: 9012,
    name: 'NumberOfRecipientsExceeded',
    message: 'The number of recipients exceeded 100 entries.',
  },
  sessionDataTooLarge: { code: 9057, name: 'SessionDataTooLarge', message: 'Session data is limited to 50,000 characters.' },
  sessionDataKeyMissing: { code: 9056, name: 'InvalidKey', message: 'The key does not exist in session data.' },
  sendStopped: { code: 9099, name: 'ItemNotSent', message: 'The item was not sent: an add-in stopped the send.' },
  invalidParameters: { code: 9013, name: 'ParametersNotAsExpected', message: 'The given parameters do not match the expected format.' },
} as const satisfies Record<string, Office.Error>;

export type OfficeErrorKey = keyof typeof OFFICE_ERRORS;

/** A failure the fake reports through the callback, as Outlook does, never by throwing. */
export class FakeCallFailure {
  constructor(readonly key: OfficeErrorKey) {}
}

/**
 * Splits the `(…, options?, callback?)` overloads office.js offers on almost every method, then answers:
 * `compute` gives the value, or a FakeCallFailure for Outlook's documented failures.
 */
export function answer<T>(
  deliver: Deliver,
  optionsOrCallback: Office.AsyncContextOptions | Callback<T>,
  maybeCallback: Callback<T>,
  compute: () => T | FakeCallFailure,
): void {
  const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
  const asyncContext: unknown =
    typeof optionsOrCallback === 'object' && optionsOrCallback !== null ? optionsOrCallback.asyncContext : undefined;
  // Outlook applies the change when the call is made and reports later; the value is computed now too.
  const outcome = compute();
  if (callback === undefined) return;
  const result = outcome instanceof FakeCallFailure ? failedResult<T>(outcome.key, asyncContext) : succeededResult(outcome, asyncContext);
  deliver(() => callback(result));
}

export function succeededResult<T>(value: T, asyncContext: unknown): Office.AsyncResult<T> {
  return {
    status: asEnum<Office.AsyncResultStatus>(ASYNC_RESULT_STATUS.Succeeded),
    value,
    asyncContext,
    diagnostics: undefined,
    // Outlook leaves `error` undefined on success; the typings declare it always present.
    error: undefined as unknown as Office.Error,
  };
}

export function failedResult<T>(key: OfficeErrorKey, asyncContext: unknown): Office.AsyncResult<T> {
  return {
    status: asEnum<Office.AsyncResultStatus>(ASYNC_RESULT_STATUS.Failed),
    // Outlook leaves `value` undefined on failure.
    value: undefined as T,
    asyncContext,
    diagnostics: undefined,
    error: { ...OFFICE_ERRORS[key] },
  };
}
