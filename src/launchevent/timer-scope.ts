import { systemTimers, type Timers } from '../office/index.js';

/**
 * Every timer one handler run starts, so that all of them are cleared before `event.completed`: classic
 * Outlook keeps running the script afterwards and a stray timer must not act on the next send
 * (https://github.com/OfficeDev/office-js/issues/6656). After cancelAll, nothing new is scheduled.
 */
export class TimerScope implements Timers {
  private readonly pending = new Set<unknown>();
  private closed = false;

  constructor(private readonly base: Timers = systemTimers) {}

  start(callback: () => void, delayMs: number): unknown {
    if (this.closed) return undefined;
    const handle: unknown = this.base.start(() => {
      this.pending.delete(handle);
      callback();
    }, delayMs);
    this.pending.add(handle);
    return handle;
  }

  cancel(handle: unknown): void {
    if (this.pending.delete(handle)) this.base.cancel(handle);
  }

  cancelAll(): void {
    this.closed = true;
    for (const handle of this.pending) this.base.cancel(handle);
    this.pending.clear();
  }
}
