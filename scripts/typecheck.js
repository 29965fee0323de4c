#!/usr/bin/env node
// Type-checks each layer group with its own tsconfig: the core sees no DOM and no Node, the handler
// sees only what classic Outlook's JS-only runtime has (types/js-runtime.d.ts).
// `node scripts/typecheck.js [tsconfig.x.json ...]` checks only the configs named (scripts/test.js runs
// them side by side).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Checked without output; tsconfig.node.json is the one the build compiles (`npm run build:node`). */
export const LAYER_CONFIGS = ['tsconfig.core.json', 'tsconfig.handler.json', 'tsconfig.web.json', 'tsconfig.test.json'];
export const NODE_CONFIG = 'tsconfig.node.json';

function typecheck(projects) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  let failed = false;
  for (const project of projects) {
    const run = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`Type check failed: ${project}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
  console.log(`Type check: ${projects.length} layer config${projects.length === 1 ? '' : 's'} pass.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2);
  typecheck(named.length > 0 ? named : [...LAYER_CONFIGS, NODE_CONFIG]);
}
