// item.sessionData (Mailbox 1.11): a per-item string store shared by the handler and the pane.
import { answer, FakeCallFailure, type Callback, type Deliver } from './async-result.js';

/** Clients up to Mailbox 1.15 allow 50,000 characters per add-in and item (R-SD); the playground claims at most 1.15. */
export const SESSION_DATA_LIMIT = 50_000;

export class FakeSessionData implements Pick<Office.SessionData, 'getAsync' | 'setAsync' | 'removeAsync' | 'getAllAsync' | 'clearAsync'> {
  constructor(
    private readonly store: Map<string, string>,
    private readonly deliver: Deliver,
    private readonly limit: number = SESSION_DATA_LIMIT,
  ) {}

  getAsync(name: string, callback: Callback<string>): void {
    answer(this.deliver, callback, undefined, () => this.store.get(name) ?? new FakeCallFailure('sessionDataKeyMissing'));
  }

  setAsync(name: string, value: string, optionsOrCallback?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>): void {
    answer(this.deliver, optionsOrCallback, callback, () => {
      if (typeof name !== 'string' || typeof value !== 'string') return new FakeCallFailure('invalidParameters');
      const others = this.size() - (this.store.has(name) ? name.length + (this.store.get(name) ?? '').length : 0);
      // The limit counts the whole object, so one large key can crowd out every other.
      if (others + name.length + value.length > this.limit) return new FakeCallFailure('sessionDataTooLarge');
      this.store.set(name, value);
      return undefined;
    });
  }

  removeAsync(name: string, optionsOrCallback?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>): void {
    answer(this.deliver, optionsOrCallback, callback, () => {
      this.store.delete(name);
      return undefined;
    });
  }

  getAllAsync(callback: Callback<object>): void {
    answer(this.deliver, callback, undefined, () => Object.fromEntries(this.store));
  }

  clearAsync(optionsOrCallback?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>): void {
    answer(this.deliver, optionsOrCallback, callback, () => {
      this.store.clear();
      return undefined;
    });
  }

  private size(): number {
    let total = 0;
    for (const [key, value] of this.store) total += key.length + value.length;
    return total;
  }
}
