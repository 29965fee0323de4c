// The action counts `npm run bench` reports, held as behaviour by the action-counts test files: each path
// through Send costs what issue 10 promises, so a change that adds a click to any of them fails. Counts,
// never timings. The paths are split over two files so that they run side by side.
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ACTION_PATHS, ACTION_SCENARIOS, benchActions, type ActionCount, type ActionPath } from '../../src/bench/actions-bench.js';

const ROOT = resolve(import.meta.dirname, '../..');

export const [DIALOG_OR_PANE, PINNED, CONFIRM_AND_SEND, MAILBOX_114, MAILBOX_112] = ACTION_PATHS as [
  ActionPath,
  ActionPath,
  ActionPath,
  ActionPath,
  ActionPath,
];

export const OUTSIDE_SCENARIOS = ACTION_SCENARIOS.filter((scenario) => scenario.name !== 'internal only').map((scenario) => scenario.name);

/**
 * Counts every scenario through `paths` before the file's tests, and holds what every path shares (each
 * scenario counted, internal mail one action); the accessor finds one count for the file's own tests.
 */
export function countedActions(paths: readonly ActionPath[]): { readonly count: (scenario: string, path: ActionPath) => ActionCount } {
  let counts: readonly ActionCount[] = [];
  beforeAll(async () => {
    counts = await benchActions(ROOT, paths);
  }, 240_000);
  const count = (scenario: string, path: ActionPath): ActionCount => {
    const found = counts.find((entry) => entry.scenario === scenario && entry.path === path.name);
    if (found === undefined) throw new Error(`no count for ${scenario} / ${path.name}`);
    return found;
  };
  it('runs every scenario through every path', () => {
    expect(counts).toHaveLength(ACTION_SCENARIOS.length * paths.length);
  });
  it('sends internal mail with one action on every path', () => {
    for (const path of paths) expect(count('internal only', path).steps).toEqual(['Send']);
  });
  return { count };
}
