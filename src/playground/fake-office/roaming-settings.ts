// Office.context.roamingSettings (Mailbox 1.1): the add-in's per-mailbox settings, here the page's one store.
// Outlook loads a copy when each add-in runtime starts and saveAsync writes it back; the playground's frames
// share the store instead, so a history seeded in the settings panel counts at the next Send without
// reloading the frames.
import { answer, type Callback, type Deliver } from './async-result.js';

export class FakeRoamingSettings implements Pick<Office.RoamingSettings, 'get' | 'set' | 'remove' | 'saveAsync'> {
  constructor(
    private readonly store: Map<string, unknown>,
    private readonly deliver: Deliver,
  ) {}

  get(name: string): unknown {
    return this.store.get(name);
  }

  set(name: string, value: unknown): void {
    this.store.set(name, value);
  }

  remove(name: string): void {
    this.store.delete(name);
  }

  saveAsync(callback?: Callback<void>): void {
    answer(this.deliver, callback, undefined, () => undefined);
  }
}
