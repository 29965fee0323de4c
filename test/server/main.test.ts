// `node build/server/main.js` as npm start runs it: environment in, banner out, exit codes, signals.
// `npm test` builds first; for a local run: npm run build:node
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/bench/free-port.js';
import { builtMain, workspace } from './fixtures.js';

const files = workspace();
afterAll(() => files.remove());

const environment = (extra: Record<string, string>): NodeJS.ProcessEnv => files.mainEnvironment(extra);

describe('build/server/main.js', () => {
  it('refuses a bad policy with exit 1, every problem with its path, and no certificate made', () => {
    files.writePolicy({ version: 1, internalDomains: ['ok.example', 'example.*'], onError: 'maybe' });
    const run = spawnSync(process.execPath, [builtMain()], { env: environment({}), encoding: 'utf8', cwd: files.directory });
    files.writePolicy({ version: 1 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Preflight did not start: config/policy.json is not a valid policy (2 problems)');
    expect(run.stderr).toContain('config/policy.json: $.internalDomains[1]: not a valid entry');
    expect(run.stderr).toContain('config/policy.json: $.onError:');
    expect(run.stdout).not.toContain('certificate');
  });

  it('refuses a bad environment with exit 1', () => {
    const run = spawnSync(process.execPath, [builtMain()], { env: environment({ PORT: 'http' }), encoding: 'utf8' });
    expect([run.status, run.stderr.includes('PORT must be a number from 1 to 65535')]).toEqual([1, true]);
  });

  it('starts, prints the banner, serves without request lines on localhost, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [builtMain()], {
      env: environment({ PORT: String(port), HOST: '127.0.0.1', PREFLIGHT_TLS: 'off' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'close', not 'exit': every line the server wrote has been read by then.
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let stdout = '';
    await new Promise<void>((ready, fail) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Press Ctrl+C to stop.')) ready();
      });
      child.on('exit', (code) => fail(new Error(`exited ${code} before the banner:\n${stdout}`)));
    });
    expect(stdout).toContain('Preflight is running.');
    expect(stdout).toContain(`Listening    http://127.0.0.1:${port}`);
    expect(stdout.indexOf(`https://localhost:${port}/playground/`)).toBeLessThan(stdout.indexOf(`Server       https://localhost:${port}`));
    expect(stdout).toContain('npm run manifest -- --base-url');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('SIGTERM: closing');
    expect(stdout).not.toContain('incoming request');
  });
});
