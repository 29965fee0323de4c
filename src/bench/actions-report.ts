// The actions table of `npm run bench`: one row per scenario, one column per path, FlexConfirmMail beside.
import { ACTION_PATHS, ACTION_SCENARIOS, flexConfirmMailActions, type ActionCount } from './actions-bench.js';

/** The organisation of config/policy.json, whose recipients FlexConfirmMail would not ask about. */
const INTERNAL_DOMAIN = 'example.co.jp';

export function actionsReport(counts: readonly ActionCount[]): string[] {
  const lines: string[] = [];
  const width = Math.max(...ACTION_SCENARIOS.map((scenario) => scenario.name.length)) + 2;
  const columns = ['FCM 2+N', ...ACTION_PATHS.map((_, index) => `P${index + 1}`)];
  lines.push(`  ${'scenario'.padEnd(width)}${columns.map((column) => column.padEnd(9)).join('')}`);
  for (const scenario of ACTION_SCENARIOS) {
    const cells = [String(flexConfirmMailActions(scenario, INTERNAL_DOMAIN))];
    for (const path of ACTION_PATHS) {
      const count = counts.find((entry) => entry.scenario === scenario.name && entry.path === path.name);
      cells.push(count === undefined ? '—' : `${count.actions} (N=${count.ticks})`);
    }
    lines.push(`  ${scenario.name.padEnd(width)}${cells.map((cell) => cell.padEnd(9)).join('')}`);
  }
  lines.push('');
  ACTION_PATHS.forEach((path, index) => lines.push(`  P${index + 1}: ${path.name}`));
  lines.push('  N: the items ticked in Preflight; FCM: FlexConfirmMail (Send, a tick per outside recipient and file, Send).');
  lines.push(
    "  Preflight's N also holds checks FlexConfirmMail does not make (an unprotected file, outside domains visible to each other).",
  );
  lines.push('');
  lines.push('  steps per scenario and path:');
  for (const count of counts) lines.push(`  ${count.scenario} / ${count.path}: ${collapseTicks(count.steps).join(' → ')}`);
  return lines;
}

/** "tick, tick, tick" reads as "3 ticks". */
function collapseTicks(steps: readonly string[]): string[] {
  const collapsed: string[] = [];
  let ticks = 0;
  for (const step of [...steps, '']) {
    if (step === 'tick') {
      ticks += 1;
      continue;
    }
    if (ticks > 0) collapsed.push(ticks === 1 ? '1 tick' : `${ticks} ticks`);
    ticks = 0;
    if (step !== '') collapsed.push(step);
  }
  return collapsed;
}
