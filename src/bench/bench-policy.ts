import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sample policy (config/policy.json) with its secure-link settings changed, written into `directory`:
 * the benchmarks run without a mail relay, so without one-time codes. Returns the file's path.
 */
export function writeLinkPolicy(root: string, directory: string, link: Readonly<Record<string, number | boolean>>): string {
  type Sample = { attachments?: { protection?: { link?: object } } };
  const sample = JSON.parse(readFileSync(join(root, 'config', 'policy.json'), 'utf8')) as Sample;
  const protection = sample.attachments?.protection ?? {};
  const file = join(directory, 'bench-policy.json');
  const changed = { ...protection, link: { ...protection.link, requireCode: false, ...link } };
  writeFileSync(file, JSON.stringify({ ...sample, attachments: { ...sample.attachments, protection: changed } }));
  return file;
}
