import { mkdtemp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFile } from '../../src/server/policy-watch.js';

const stops: (() => void)[] = [];
const directories: string[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** A directory laid out as the kubelet lays out a ConfigMap volume: `policy.json -> ..data/policy.json`. */
async function configMapVolume(): Promise<string> {
  const volume = await mkdtemp(join(tmpdir(), 'preflight-configmap-'));
  directories.push(volume);
  await mkdir(join(volume, '..v1'));
  await writeFile(join(volume, '..v1', 'policy.json'), '{"version":1}');
  await symlink('..v1', join(volume, '..data'));
  await symlink(join('..data', 'policy.json'), join(volume, 'policy.json'));
  return volume;
}

/** The kubelet's atomic update: a new timestamped directory, then `..data_tmp` renamed over `..data`. */
async function swapConfigMapData(volume: string): Promise<void> {
  await mkdir(join(volume, '..v2'));
  await writeFile(join(volume, '..v2', 'policy.json'), '{"version":2}');
  await symlink('..v2', join(volume, '..data_tmp'));
  await rename(join(volume, '..data_tmp'), join(volume, '..data'));
}

function watchUntilCalled(file: string): Promise<void> {
  return new Promise((resolve) => {
    stops.push(watchFile(file, resolve, 10));
  });
}

describe('watchFile', () => {
  it('calls back when a ConfigMap volume swaps its ..data symlink', async () => {
    const volume = await configMapVolume();
    const called = watchUntilCalled(join(volume, 'policy.json'));
    await swapConfigMapData(volume);
    await expect(called).resolves.toBeUndefined();
  });

  it('calls back when an editor renames a new file over the policy file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'preflight-policy-'));
    directories.push(directory);
    await writeFile(join(directory, 'policy.json'), '{}');
    const called = watchUntilCalled(join(directory, 'policy.json'));
    await writeFile(join(directory, 'policy.json.tmp'), '{"changed":true}');
    await rename(join(directory, 'policy.json.tmp'), join(directory, 'policy.json'));
    await expect(called).resolves.toBeUndefined();
  });
});
