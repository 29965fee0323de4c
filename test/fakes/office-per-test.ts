// What every test file that installs the Office fake registers around each test: a quiet console, fake
// timers where the file asks for them, and the fake, any stubbed globals and spies gone afterwards, so no
// test sees the one before it. One slot, since there is one `globalThis.Office`.
import { afterEach, beforeEach, vi } from 'vitest';
import type { OfficeFake } from './office-fake.js';

let installed: (() => void) | undefined;

/** Installs `fake` as Office, in place of one installed before. */
export function installOffice(fake: OfficeFake): void {
  uninstallOffice();
  installed = fake.install();
}

/** Leaves no Office installed: for a test about a runtime without it, or setup outside a test. */
export function uninstallOffice(): void {
  installed?.();
  installed = undefined;
}

/** Registers the per-test setup and teardown; call once at the top of a test file. */
export function useOfficePerTest(options: { readonly fakeTimers: boolean }): void {
  beforeEach(() => {
    if (options.fakeTimers) vi.useFakeTimers();
    for (const method of ['error', 'warn', 'log'] as const) vi.spyOn(console, method).mockImplementation(() => undefined);
  });
  afterEach(() => {
    uninstallOffice();
    if (options.fakeTimers) vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
