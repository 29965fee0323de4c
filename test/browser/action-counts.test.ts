// The action counts `npm run bench` reports, held as behaviour: each path through Send costs what issue 10
// promises, so a change that adds a click to any of them fails here. Counts, never timings.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_PATHS, ACTION_SCENARIOS, benchActions, type ActionCount } from '../../src/bench/actions-bench.js';

const ROOT = resolve(import.meta.dirname, '../..');
let counts: readonly ActionCount[] = [];

beforeAll(async () => {
  counts = await benchActions(ROOT);
}, 240_000);

function count(scenario: string, path: string): ActionCount {
  const found = counts.find((entry) => entry.scenario === scenario && entry.path === path);
  if (found === undefined) throw new Error(`no count for ${scenario} / ${path}`);
  return found;
}

const [dialogOrPane, pinned, confirmAndSend, mailbox114, mailbox112] = ACTION_PATHS.map((path) => path.name) as [
  string,
  string,
  string,
  string,
  string,
];
const outsideScenarios = ACTION_SCENARIOS.filter((scenario) => scenario.name !== 'internal only').map((scenario) => scenario.name);

describe('actions at Send, counted in the playground', () => {
  it('runs every scenario through every path', () => {
    expect(counts).toHaveLength(ACTION_SCENARIOS.length * ACTION_PATHS.length);
  });

  it('sends internal mail with one action on every path', () => {
    for (const path of ACTION_PATHS) expect(count('internal only', path.name).steps).toEqual(['Send']);
  });

  it('confirms a trusted partner in the dialog: Send, then Send Anyway', () => {
    for (const path of [dialogOrPane, confirmAndSend, mailbox114]) {
      expect(count('1 outside recipient (trusted partner)', path).steps).toEqual(['Send', 'Send Anyway']);
    }
  });

  it.each(outsideScenarios)('%s: a pinned pane costs 1 + N', (scenario) => {
    const { actions, ticks, steps } = count(scenario, pinned);
    expect(ticks).toBeGreaterThan(0);
    expect(actions).toBe(1 + ticks);
    expect(steps.at(-1)).toBe('Send');
  });

  it.each(outsideScenarios.filter((scenario) => !scenario.includes('trusted')))('%s: Confirm and send costs 3 + N', (scenario) => {
    const { actions, ticks, steps } = count(scenario, confirmAndSend);
    expect(actions).toBe(3 + ticks);
    expect(steps.at(-1)).toBe('Confirm and send');
  });

  it.each(outsideScenarios)('%s: never more than before on Mailbox 1.12 to 1.14 (Confirm was a separate press)', (scenario) => {
    const onMailbox114 = count(scenario, mailbox114);
    expect(onMailbox114.actions).toBeLessThanOrEqual(3 + onMailbox114.ticks);
    const onMailbox112 = count(scenario, mailbox112);
    expect(onMailbox112.actions).toBeLessThanOrEqual(4 + onMailbox112.ticks);
  });
});
