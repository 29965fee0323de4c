#!/usr/bin/env node
// `npm test`: every check in the order a failure is cheapest to read: types, layers, build, then all
// vitest projects (unit tables, Office fakes, server inject, the real browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { node22Binary, NODE_22_VERSION } from './node-22.js';

const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (run.status !== 0) {
    console.error(`\n${title} failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}

if (!existsSync(CHROMIUM)) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk ` +
      '(or set PREFLIGHT_CHROMIUM to another Chromium binary).',
  );
  process.exit(1);
}

// The storage contract and the two-instance tests start a throwaway PostgreSQL from Debian's server binaries.
if (!existsSync('/usr/lib/postgresql')) {
  console.error('The storage tests need PostgreSQL\'s server binaries. Install them with: apt-get install -y postgresql');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
step('Type check (one config per layer)', npm, ['run', '--silent', 'typecheck']);
step('Layer rules', npm, ['run', '--silent', 'layers']);
step('Build', npm, ['run', '--silent', 'build']);
step('Tests', npm, ['exec', '--', 'vitest', 'run']);

// The pure core (no native modules: better-sqlite3 is built for the Node that ran `npm ci`) once more on
// Node 22, the LTS the project moves to, while CI still runs Node 20.
const PURE_CORE_TESTS = ['test/policy', 'test/inspect', 'test/check', 'test/i18n', 'test/protocol', 'test/office', 'test/launchevent', 'test/taskpane', 'test/cli'];
if (Number(process.versions.node.split('.')[0]) < 22) {
  const { binary, reason } = node22Binary(process.cwd());
  if (binary === null) {
    console.log(`\n== Pure core on Node ${NODE_22_VERSION}: not run (${reason})`);
  } else {
    step(`Pure core on Node ${NODE_22_VERSION}`, binary, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', ...PURE_CORE_TESTS]);
  }
}
