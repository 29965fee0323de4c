#!/usr/bin/env node
// Launcher for the `preflight` command; the code lives in build/cli, compiled from src/cli by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../build/cli/main.js', import.meta.url);

if (existsSync(fileURLToPath(entry))) {
  try {
    const { start } = await import(entry.href);
    await start(process.argv.slice(2));
  } catch (error) {
    // Node's own exit code for an uncaught error is 1, which would read as "confirm".
    process.stderr.write(`preflight: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  }
} else {
  // The string tables are compiled into build/ as well, so this one message cannot come from them.
  process.stderr.write(
    'preflight: the command is not built yet. Run `npm run build` (or `npm run build:node`) first.\n' +
      'preflight: まだビルドされていません。先に `npm run build` (または `npm run build:node`) を実行してください。\n',
  );
  process.exitCode = 70;
}
