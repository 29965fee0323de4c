// `node build/server/main.js` with PREFLIGHT_DEV_TOKEN: the banner warns, a public origin refuses to start.
// `npm test` builds first; for a local run: npm run build:node
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../../../src/bench/free-port.js';
import { builtMain, workspace } from '../fixtures.js';

const TOKEN = 'local-development-token-1234';
const files = workspace();
afterAll(() => files.remove());

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return files.mainEnvironment({ PREFLIGHT_DEV_TOKEN: TOKEN, ...extra });
}

describe('main.js with a development token', () => {
  it('refuses to start on a public origin unless forced', () => {
    const run = spawnSync(process.execPath, [builtMain()], {
      env: environment({ PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp', PREFLIGHT_TLS: 'off' }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PREFLIGHT_DEV_TOKEN lets anyone who knows it in');
    expect(run.stderr).not.toContain(TOKEN);
  });

  it('starts on localhost, warns under the banner, and lets the token in', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [builtMain()], {
      env: environment({ PORT: String(port), HOST: '127.0.0.1', PREFLIGHT_TLS: 'off', PREFLIGHT_LOG_LEVEL: 'error' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A test that fails or times out would otherwise leave the server running after vitest is gone.
    onTestFinished(() => void child.kill());
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let stdout = '';
    await new Promise<void>((ready, fail) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Never use it in production')) ready();
      });
      child.on('exit', (code) => fail(new Error(`exited ${code} before the warning:\n${stdout}`)));
    });
    expect(stdout).toContain('DEVELOPMENT MODE: the API accepts the fixed token from PREFLIGHT_DEV_TOKEN');
    expect(stdout).not.toContain(TOKEN);
    const me = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { isAdmin: boolean }).isAdmin).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
