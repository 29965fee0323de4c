import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPolicy } from '../../src/server/policy-file.js';
import { runCli } from './captured-io.js';

/** A second "keywords" pasted further down: JSON.parse keeps the last, and the block on 社外秘 is gone. */
const TEXT = `{
  "version": 1,
  "internalDomains": ["example.co.jp"],
  "keywords": [{ "term": "社外秘", "action": "block" }],
  "onError": "block",
  "keywords": [{ "term": "見積", "action": "warn" }]
}
`;

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-dup-'));
  await writeFile(join(directory, 'policy.json'), TEXT);
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

describe('a policy key written twice', () => {
  it('is refused by `preflight policy check` with where it is', async () => {
    const result = await runCli(['policy', 'check', join(directory, 'policy.json')]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('keywords');
  });

  it('is refused by the server instead of silently dropping the first value', () => {
    const published = publishPolicy(TEXT);
    expect(published.ok).toBe(false);
  });
});
