// Mailbox 1.14 and 1.12's paths through Send, where Confirm was a separate press
// (test/browser/action-counts-support.ts).
import { describe, expect, it } from 'vitest';
import { MAILBOX_112, MAILBOX_114, OUTSIDE_SCENARIOS, countedActions } from './action-counts-support.js';

const { count } = countedActions([MAILBOX_114, MAILBOX_112]);

describe('actions at Send on Mailbox 1.12 to 1.14, counted in the playground', () => {
  it('confirms a trusted partner in the dialog on Mailbox 1.14: Send, then Send Anyway', () => {
    expect(count('1 outside recipient (trusted partner)', MAILBOX_114).steps).toEqual(['Send', 'Send Anyway']);
  });

  it.each(OUTSIDE_SCENARIOS)('%s: never more than before (Confirm was a separate press)', (scenario) => {
    const onMailbox114 = count(scenario, MAILBOX_114);
    expect(onMailbox114.actions).toBeLessThanOrEqual(3 + onMailbox114.ticks);
    const onMailbox112 = count(scenario, MAILBOX_112);
    expect(onMailbox112.actions).toBeLessThanOrEqual(4 + onMailbox112.ticks);
  });
});
