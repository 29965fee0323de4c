// What the scripts that write a generated table under src/ share: the version of the package the
// table comes from (for its header), and writing the table when the script is run, not imported.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/** Writes `moduleText()` to `output` (relative to the repository) when `scriptUrl` is the script node runs. */
export function writeWhenRun(scriptUrl, output, moduleText) {
  if (process.argv[1] === undefined || resolve(process.argv[1]) !== fileURLToPath(scriptUrl)) return;
  const text = moduleText();
  writeFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', output), text);
  console.log(`${output}: ${Buffer.byteLength(text)} bytes`);
}
