#!/usr/bin/env node
// `npm start`: build only when what the build reads has changed since the last good build, so a second
// start takes seconds instead of the full build (issue 14). The digest of the inputs is kept beside
// the output and written only after a build that succeeded; `npm run build` always builds, then records.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What `npm run build` reads: the sources, their type declarations, every build setting, and the scripts,
 * since webpack runs some as loaders and transformers (webpack.config.js) and the generated tables come
 * from others.
 */
const INPUTS = ['src', 'types', 'scripts', 'webpack.config.js', 'package.json', 'package-lock.json'];
const INPUT_PATTERN = /^tsconfig.*\.json$/;
/** What a start needs from the build; a digest alone does not prove they are there. */
const OUTPUTS = ['build/server/main.js', 'dist/launchevent.js', 'dist/taskpane.html', 'dist/playground/index.html'];
export const DIGEST_FILE = 'build/.inputs-sha256';

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** SHA-256 over each input file's path and content, in a fixed order. */
export function inputsDigest(root) {
  const names = [
    ...INPUTS,
    ...readdirSync(root)
      .filter((name) => INPUT_PATTERN.test(name))
      .sort(),
  ];
  const hash = createHash('sha256');
  for (const file of names.flatMap((name) => filesUnder(join(root, name)))) {
    hash.update(relative(root, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Why a build is needed, or null when the last good build is of exactly these inputs. */
export function staleReason(root, digest) {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing !== undefined) return `${missing} is missing`;
  const kept = existsSync(join(root, DIGEST_FILE)) ? readFileSync(join(root, DIGEST_FILE), 'utf8').trim() : '';
  if (kept === '') return 'no build is recorded';
  return kept === digest ? null : 'the sources or build settings changed';
}

/** Builds when needed; returns false when the build failed (nothing recorded then). */
export function buildIfChanged({ root, build, log }) {
  const digest = inputsDigest(root);
  const reason = staleReason(root, digest);
  if (reason === null) {
    log('Build is up to date (build/, dist/): starting without building. `npm run build` forces one.');
    return true;
  }
  log(`Building: ${reason}.`);
  if (!build()) return false;
  writeFileSync(join(root, DIGEST_FILE), `${digest}\n`);
  return true;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // `npm run build` ends with --record: what it just built counts as the last good build.
  if (process.argv.includes('--record')) {
    writeFileSync(join(root, DIGEST_FILE), `${inputsDigest(root)}\n`);
    process.exit(0);
  }
  const built = buildIfChanged({
    root,
    build: () => spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status === 0,
    log: (line) => console.log(line),
  });
  if (!built) process.exitCode = 1;
}
