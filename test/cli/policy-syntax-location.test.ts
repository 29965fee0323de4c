import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishPolicy } from '../../src/server/policy-file.js';
import { runCli } from './captured-io.js';

/** A comma missing at the end of line 3. */
const TEXT = '{\n  "version": 1,\n  "keywords": [{"term": "a"}]\n  "onError": "block"\n}\n';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-syntax-'));
  await writeFile(join(directory, 'policy.json'), TEXT);
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

it('`policy check` names the line and column of a JSON syntax error, as the server does', async () => {
  const server = publishPolicy(TEXT);
  // Node 20 says only the position, so syntaxDetail adds "(line 4, column 3)"; Node 22 says "(line 4 column 3)" itself.
  expect(server.ok ? '' : server.problems[0]?.message).toMatch(/line 4,? column 3/);
  const result = await runCli(['policy', 'check', join(directory, 'policy.json')]);
  expect(result.code).toBe(65);
  expect(result.stderr).toMatch(/line 4,? column 3/);
});
