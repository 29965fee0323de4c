// A throwaway PostgreSQL for tests and the load bench: Debian's server binaries (`postgresql`, installed by npm test where it may) run
// in a temporary directory on 127.0.0.1 at a port the test picks, with trust authentication, and
// removed on stop. PostgreSQL refuses to run as root, so under root it runs as the `postgres` user the
// Debian package creates.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface TestPostgres {
  /** A connection URL for a database of its own: `database(name)` makes another. */
  readonly url: string;
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

async function binDirectory(): Promise<string> {
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  const newest = versions.sort((left, right) => Number(right) - Number(left))[0];
  if (newest === undefined) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (npm test does, as root)');
  return join('/usr/lib/postgresql', newest, 'bin');
}

/** Under root, the ids of the `postgres` user to run the server as; otherwise none (run as ourselves). */
async function serverUser(): Promise<{ readonly uid: number; readonly gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited: ${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`PostgreSQL did not start: ${output()}`);
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = await binDirectory();
  const root = await mkdtemp(join(tmpdir(), 'preflight-pg-'));
  await chmod(root, 0o700);
  const user = await serverUser();
  if (user !== null) await chown(root, user.uid, user.gid);
  const as = user ?? {};
  const data = join(root, 'data');
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'preflight', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
    ...as,
    cwd: root,
  });
  const port = await freePort();
  // fsync off: a test database need not survive a power cut, and the run is faster for it.
  const args = [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ];
  const server = spawn(join(bin, 'postgres'), args, { ...as, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const base = `postgres://preflight@127.0.0.1:${port}`;
  const url = `${base}/postgres`;
  await waitUntilReady(url, server, () => log);
  let stopped: Promise<void> | null = null;
  return {
    url,
    async database(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop() {
      stopped ??= (async () => {
        if (server.exitCode === null) {
          const exited = new Promise((resolve) => server.once('exit', resolve));
          // SIGINT: PostgreSQL's fast shutdown, which ends open sessions.
          server.kill('SIGINT');
          await exited;
        }
        await rm(root, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
