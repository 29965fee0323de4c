import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { StartupError } from '../../src/server/startup-error.js';
import { workspace, type Workspace } from './fixtures.js';

let files: Workspace;

beforeEach(() => {
  files = workspace();
});

afterEach(() => files.remove());

async function refusal(): Promise<StartupError> {
  try {
    const app = await buildApp(files.config({ logLevel: 'silent' }));
    await app.close();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('buildApp started');
}

describe('buildApp refuses to start', () => {
  it('on a policy that fails validation, listing every problem with the file and its JSON path', async () => {
    files.writePolicy({
      version: 2,
      internalDomains: ['example.co.jp', 'example.*'],
      bccSuggestThreshold: 'three',
      onEror: 'allow',
    });
    const error = await refusal();
    expect(error.code).toBe('bad-policy');
    expect(error.message).toMatch(/policy\.json is not a valid policy \(4 problems\); fix it and start again\.$/);
    const paths = error.details.map((line) => /policy\.json: (\$[^:]*):/.exec(line)?.[1]);
    expect(paths.sort()).toEqual(['$.bccSuggestThreshold', '$.internalDomains[1]', '$.onEror', '$.version']);
    expect(error.details.find((line) => line.includes('$.onEror'))).toContain('did you mean "onError"?');
  });

  it.each([
    ['{\n  "version": 1,\n  "internalDomains": ["example.co.jp",]\n}\n', /: \$: not valid JSON: .*"le\.co\.jp",\] \}/],
    ['{\n  "version": 1,\n}', /: \$: not valid JSON: .* \(line 3, column 1\)$/],
    ['', /: \$: not valid JSON: Unexpected end of JSON input$/],
  ])('on a policy that is not JSON (%j), saying where on one line', async (text, detail) => {
    files.writePolicy(text);
    const error = await refusal();
    expect(error.code).toBe('bad-policy');
    expect(error.details).toEqual([expect.stringMatching(detail)]);
  });

  it('on a policy file that does not exist', async () => {
    rmSync(files.policyFile);
    const error = await refusal();
    expect([error.code, error.details]).toEqual(['bad-policy', [expect.stringMatching(/policy\.json: \$: the file does not exist$/)]]);
  });

  it('on a policy with a __proto__ key', async () => {
    files.writePolicy('{ "version": 1, "__proto__": { "onError": "allow" } }');
    const error = await refusal();
    expect(error.details).toEqual([expect.stringContaining('$.__proto__: forbidden key "__proto__"')]);
  });

  it('when the add-in is not built, saying to run npm run build', async () => {
    rmSync(join(files.distDirectory, 'launchevent.js'));
    const error = await refusal();
    expect(error.code).toBe('missing-dist');
    expect(error.message).toContain('launchevent.js is missing: build the add-in first with `npm run build`.');
  });

  it('accepts a policy saved with a byte-order mark', async () => {
    files.writePolicy('\uFEFF{ "version": 1 }');
    const app = await buildApp(files.config({ logLevel: 'silent' }));
    expect((await app.inject('/api/policy')).json()).toEqual({ version: 1 });
    await app.close();
  });
});
