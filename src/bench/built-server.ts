// The real server (build/server/main.js) as a child process on 127.0.0.1, as `npm start` runs it, for
// the benchmarks and for the tests that kill or multiply it. Build first: npm run build:node.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** The development token every built server started here accepts (localhost only, docs/api.md). */
export const BUILT_SERVER_TOKEN = 'built-server-development-token-0123';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly port: number;
  output(): string;
  /** SIGTERM and wait; SIGKILL when `kill` says so. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Starts the server with the development token, plain HTTP on 127.0.0.1, and the given environment. */
export async function startBuiltServer(
  root: string,
  cwd: string,
  env: Readonly<Record<string, string>>,
  port?: number,
): Promise<ServerProcess> {
  const main = join(root, 'build', 'server', 'main.js');
  if (!existsSync(main)) throw new Error('build/server/main.js is missing: run `npm run build:node` first');
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, [main], {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: cwd,
      HOST: '127.0.0.1',
      PORT: String(chosen),
      PREFLIGHT_TLS: 'off',
      PREFLIGHT_PUBLIC_URL: `https://localhost:${chosen}`,
      PREFLIGHT_DEV_TOKEN: BUILT_SERVER_TOKEN,
      PREFLIGHT_RATE_LIMIT_USER: '10000',
      PREFLIGHT_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Preflight is running')) done();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return {
    child,
    origin: `http://127.0.0.1:${chosen}`,
    port: chosen,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill(signal);
      await exited;
    },
  };
}

/** What the kernel says of a process's memory (kB): the peak (VmHWM) and now (VmRSS); null off Linux. */
export function processMemory(pid: number | undefined): { readonly peakKilobytes: number; readonly currentKilobytes: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peak = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    const current = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return peak === undefined || current === undefined ? null : { peakKilobytes: Number(peak), currentKilobytes: Number(current) };
  } catch {
    return null;
  }
}
