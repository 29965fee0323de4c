// Mailbox 1.15's paths through Send: the dialog or pane, a pinned pane, Confirm and send
// (test/browser/action-counts-support.ts).
import { describe, expect, it } from 'vitest';
import { CONFIRM_AND_SEND, DIALOG_OR_PANE, OUTSIDE_SCENARIOS, PINNED, countedActions } from './action-counts-support.js';

const { count } = countedActions([DIALOG_OR_PANE, PINNED, CONFIRM_AND_SEND]);

describe('actions at Send on Mailbox 1.15, counted in the playground', () => {
  it('confirms a trusted partner in the dialog: Send, then Send Anyway', () => {
    for (const path of [DIALOG_OR_PANE, CONFIRM_AND_SEND]) {
      expect(count('1 outside recipient (trusted partner)', path).steps).toEqual(['Send', 'Send Anyway']);
    }
  });

  it.each(OUTSIDE_SCENARIOS)('%s: a pinned pane costs 1 + N', (scenario) => {
    const { actions, ticks, steps } = count(scenario, PINNED);
    expect(ticks).toBeGreaterThan(0);
    expect(actions).toBe(1 + ticks);
    expect(steps.at(-1)).toBe('Send');
  });

  it.each(OUTSIDE_SCENARIOS.filter((scenario) => !scenario.includes('trusted')))('%s: Confirm and send costs 3 + N', (scenario) => {
    const { actions, ticks, steps } = count(scenario, CONFIRM_AND_SEND);
    expect(actions).toBe(3 + ticks);
    expect(steps.at(-1)).toBe('Confirm and send');
  });
});
