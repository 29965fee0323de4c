import { describe, expect, it } from 'vitest';
import { ACTION_SCENARIOS, flexConfirmMailActions } from '../../src/bench/actions-bench.js';
import { actionsReport } from '../../src/bench/actions-report.js';

describe('the actions report', () => {
  it('counts FlexConfirmMail as Send, a tick per outside recipient and file, Send; one action when all is internal', () => {
    expect(ACTION_SCENARIOS.map((scenario) => flexConfirmMailActions(scenario, 'example.co.jp'))).toEqual([1, 3, 3, 5, 8]);
  });

  it('prints a cell per scenario and path, and the steps with ticks collapsed', () => {
    const lines = actionsReport([
      {
        scenario: '2 outside companies + a PDF',
        path: 'Mailbox 1.14',
        actions: 7,
        ticks: 4,
        steps: ['Send', 'Review (dialog)', 'tick', 'tick', 'tick', 'tick', 'Send'],
      },
    ]);
    const row = lines.find((line) => line.includes('2 outside companies + a PDF') && line.includes('FCM') === false && !line.includes('/'));
    expect(row).toContain('7 (N=4)');
    expect(row).toContain('—');
    expect(lines).toContain('  2 outside companies + a PDF / Mailbox 1.14: Send → Review (dialog) → 4 ticks → Send');
  });
});
