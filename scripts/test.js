#!/usr/bin/env node
// `npm test`: every check, reported in the order a failure is cheapest to read: types, layers, lint, format,
// build, then the vitest projects (unit tables, Office fakes, server inject, then the real browser).
// The checks before the tests are separate single-threaded programs, so they run side by side, one per
// core, each one's output held back and printed in that order; each step's time is printed, and the CPU
// time too on Linux, where the wall time alone says little on a shared machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { node22Binary, NODE_22_VERSION } from './node-22.js';
import { ensureSystemPackages } from './system-packages.js';
import { LAYER_CONFIGS } from './typecheck.js';

const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = performance.now();
const timings = [];

/** CPU seconds of the children this process has waited for (Linux /proc/self/stat), or null elsewhere. */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime are fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function seconds(value) {
  return `${value.toFixed(1)} s`;
}

const running = new Set();

function run({ title, command, args, quiet }) {
  if (!quiet) console.log(`\n== ${title}`);
  return new Promise((resolve) => {
    const began = performance.now();
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    running.add(child);
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ status: code, signal, output: Buffer.concat(output), took: (performance.now() - began) / 1000 });
    });
  });
}

function report(step, result) {
  if (step.quiet) {
    console.log(`\n== ${step.title}`);
    process.stdout.write(result.output);
  }
  timings.push({ title: step.title, took: result.took });
  console.log(`== ${step.title}: ${seconds(result.took)}`);
  if (result.status !== 0) {
    console.error(`\n${step.title} failed (exit ${result.status ?? result.signal}).`);
    for (const child of running) child.kill();
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs the steps at most `width` at a time, those marked `first` before the others, and reports them in
 * the order given. Returns the CPU seconds they took together (null where unknown).
 */
async function sideBySide(steps, width) {
  const cpuBefore = childrenCpuSeconds();
  const settled = steps.map(() => {
    let settle;
    const promise = new Promise((resolve) => (settle = resolve));
    return { promise, settle };
  });
  const queue = [...steps.keys()].sort((left, right) => Number(steps[right].first === true) - Number(steps[left].first === true));
  const lane = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      settled[index].settle(await run(steps[index]));
    }
  };
  const lanes = Promise.all(Array.from({ length: Math.min(width, steps.length) }, lane));
  for (const [index, step] of steps.entries()) report(step, await settled[index].promise);
  await lanes;
  const cpuAfter = childrenCpuSeconds();
  return cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
}

async function alone(step) {
  const cpuBefore = childrenCpuSeconds();
  report(step, await run(step));
  const cpuAfter = childrenCpuSeconds();
  return cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
}

function phaseLine(title, began, cpu) {
  const wall = seconds((performance.now() - began) / 1000);
  console.log(`== ${title}: ${wall}${cpu === null ? '' : `, CPU ${seconds(cpu)}`}`);
  return { title, wall, cpu };
}

const missing = ensureSystemPackages(CHROMIUM);
if (missing.length > 0) {
  for (const check of missing) console.error(`Missing ${check.package}: needed for ${check.usedFor}.`);
  console.error(`Install them with: sudo apt-get install -y ${missing.map((check) => check.package).join(' ')}`);
  process.exit(1);
}

const cores = availableParallelism();
const phases = [];

// tsconfig.node.json is type-checked by the build of the server (`build:node`), which fails on a type error,
// so it is not checked a second time without output. Listed in the order of the report; started in it too,
// except that the two longest (lint, the web bundles) start first so that no core idles at the end.
const checks = [
  ...LAYER_CONFIGS.map((config) => ({
    title: `Type check ${config}`,
    command: process.execPath,
    args: ['scripts/typecheck.js', config],
  })),
  { title: 'Type check tsconfig.node.json and build the server', command: npm, args: ['run', '--silent', 'build:node'] },
  { title: 'Layer rules', command: npm, args: ['run', '--silent', 'layers'] },
  { title: 'Lint (type-aware)', command: npm, args: ['run', '--silent', 'lint'], first: true },
  { title: 'Format (Prettier)', command: npm, args: ['run', '--silent', 'format:check'] },
  { title: 'Build the bundles (webpack)', command: npm, args: ['run', '--silent', 'build:web'], first: true },
].map((step) => ({ ...step, quiet: true }));
{
  const began = performance.now();
  const cpu = await sideBySide(checks, cores);
  await alone({ title: 'Record the build', command: process.execPath, args: ['scripts/build-if-changed.js', '--record'] });
  phases.push(phaseLine(`Checks and build, ${cores} at a time`, began, cpu));
}

// The pure core (no native modules: better-sqlite3 is built for the Node that ran `npm ci`) once more on
// Node 22, the LTS the project moves to, while CI still runs Node 20. It runs beside the browser tests,
// which mostly wait on Chromium and the server and leave CPU idle; its report follows theirs.
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
const vitest = (project) => ({ title: `Tests: ${project}`, command: npm, args: ['exec', '--', 'vitest', 'run', '--project', project] });
{
  const began = performance.now();
  const cpu = await alone(vitest('unit'));
  phases.push(phaseLine('Unit tests', began, cpu));
}
{
  const began = performance.now();
  const alongside = [vitest('browser')];
  if (Number(process.versions.node.split('.')[0]) < 22) {
    const { binary, reason } = node22Binary(process.cwd());
    if (binary === null) console.log(`\n== Pure core on Node ${NODE_22_VERSION}: not run (${reason})`);
    else
      alongside.push({
        title: `Pure core on Node ${NODE_22_VERSION}`,
        command: binary,
        args: ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--maxWorkers', '1', ...PURE_CORE_TESTS],
        quiet: true,
      });
  }
  const cpu = await sideBySide(alongside, alongside.length);
  phases.push(
    phaseLine(alongside.length === 1 ? 'Browser tests' : `Browser tests beside the pure core on Node ${NODE_22_VERSION}`, began, cpu),
  );
}

console.log('\n== Time per step (wall)');
for (const { title, took } of timings) console.log(`${seconds(took).padStart(8)}  ${title}`);
console.log('== Time per phase');
for (const { title, wall, cpu } of phases) console.log(`${wall.padStart(8)}  ${title}${cpu === null ? '' : ` (CPU ${seconds(cpu)})`}`);
const totalCpu = childrenCpuSeconds();
console.log(
  `${seconds((performance.now() - started) / 1000).padStart(8)}  npm test${totalCpu === null ? '' : ` (CPU ${seconds(totalCpu)})`}`,
);
