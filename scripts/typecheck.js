#!/usr/bin/env node
// Type-checks each layer group with its own tsconfig: the core sees no DOM and no Node, the handler
// sees only what classic Outlook's JS-only runtime has (types/js-runtime.d.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.core.json', 'tsconfig.handler.json', 'tsconfig.web.json', 'tsconfig.test.json'];
let failed = false;
for (const project of projects) {
  const run = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`Type check failed: ${project}`);
    failed = true;
  }
}
const node = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.node.json', '--noEmit'], { stdio: 'inherit' });
if (node.status !== 0) failed = true;
if (failed) process.exit(1);
console.log(`Type check: ${projects.length + 1} layer configs pass.`);
