/**
 * The clock the gateway waits with. The send handler passes one that it can cancel as a whole, because
 * classic Outlook keeps running timers after `event.completed` (https://github.com/OfficeDev/office-js/issues/6656).
 */
export interface Timers {
  start(callback: () => void, delayMs: number): unknown;
  cancel(handle: unknown): void;
}

export const systemTimers: Timers = {
  start: (callback, delayMs) => setTimeout(callback, delayMs),
  cancel: (handle) => clearTimeout(handle as number),
};

export interface CallOptions {
  /** How long each Office call may take before it rejects with a timeout. */
  readonly timeoutMs?: number;
  readonly timers?: Timers;
}

export interface CallSettings {
  readonly timeoutMs: number;
  readonly timers: Timers;
}

/** Long enough for a slow Outlook on the web, short enough that the pane never spins forever. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

export function callSettings(options: CallOptions | undefined): CallSettings {
  return {
    timeoutMs: options?.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    timers: options?.timers ?? systemTimers,
  };
}
