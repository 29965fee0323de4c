#!/usr/bin/env node
// `npm test`: every check in the order a failure is cheapest to read: types, layers, lint, format, build, then all
// vitest projects (unit tables, Office fakes, server inject, the real browser).
import { spawnSync } from 'node:child_process';
import { node22Binary, NODE_22_VERSION } from './node-22.js';
import { ensureSystemPackages } from './system-packages.js';

const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (run.status !== 0) {
    console.error(`\n${title} failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}

const missing = ensureSystemPackages(CHROMIUM);
if (missing.length > 0) {
  for (const check of missing) console.error(`Missing ${check.package}: needed for ${check.usedFor}.`);
  console.error(`Install them with: sudo apt-get install -y ${missing.map((check) => check.package).join(' ')}`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
step('Type check (one config per layer)', npm, ['run', '--silent', 'typecheck']);
step('Layer rules', npm, ['run', '--silent', 'layers']);
step('Lint (type-aware)', npm, ['run', '--silent', 'lint']);
step('Format (Prettier)', npm, ['run', '--silent', 'format:check']);
step('Build', npm, ['run', '--silent', 'build']);
step('Tests', npm, ['exec', '--', 'vitest', 'run']);

// The pure core (no native modules: better-sqlite3 is built for the Node that ran `npm ci`) once more on
// Node 22, the LTS the project moves to, while CI still runs Node 20.
const PURE_CORE_TESTS = [
  'test/policy',
  'test/inspect',
  'test/check',
  'test/i18n',
  'test/protocol',
  'test/office',
  'test/launchevent',
  'test/taskpane',
  'test/cli',
];
if (Number(process.versions.node.split('.')[0]) < 22) {
  const { binary, reason } = node22Binary(process.cwd());
  if (binary === null) {
    console.log(`\n== Pure core on Node ${NODE_22_VERSION}: not run (${reason})`);
  } else {
    step(`Pure core on Node ${NODE_22_VERSION}`, binary, [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'unit',
      ...PURE_CORE_TESTS,
    ]);
  }
}
