// The container image (Dockerfile, .dockerignore, compose.yaml) checked without Docker, which CI does
// not have: the stages' shape, what the runtime stage copies, that `npm ci --omit=dev` keeps every
// package the server imports, and the runtime stage's CMD and HEALTHCHECK run on a copy of its files.
// Needs the build (`npm test` builds first; for a local run: npm run build).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// yaml comes with @fastify/swagger, a runtime dependency, so it is always installed.
import { parse as parseYaml } from 'yaml';
import { freePort } from '../../src/bench/free-port.js';
import { readEnvironment } from '../../src/server/config.js';
import { ROOT } from '../server/fixtures.js';
import { recordingEnvironment, interpolate } from './support/compose-env.js';
import { dockerignore } from './support/dockerignore.js';
import { all, command, flags, last, parseCopy, parseEnv, stages, type Stage } from './support/dockerfile.js';
import { assembleRuntime, copySteps, type ImageTree } from './support/image-tree.js';
import { runtimeImports } from './support/runtime-imports.js';

const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const dockerStages = stages(text('Dockerfile'));
const runtime = dockerStages.at(-1) as Stage;
const manifest = JSON.parse(text('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function files(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((entry) => join(folder, entry).split('\\').join('/'))
    .filter((path) => statSync(join(ROOT, path)).isFile());
}

function runtimeEnv(): Map<string, string> {
  return new Map(all(runtime, 'ENV').flatMap((instruction) => [...parseEnv(instruction)]));
}

/** What readEnvironment reads of `values`, and whether it accepts them. */
function serverReads(values: Record<string, string>): { read: Set<string>; ok: boolean; problems: readonly string[] } {
  const { env, read } = recordingEnvironment(values);
  const result = readEnvironment(env, '/app', '/app');
  return { read, ok: result.ok, problems: result.ok ? [] : result.problems };
}

describe('Dockerfile', () => {
  it('builds in stages and runs as a user other than root', () => {
    expect(dockerStages.length).toBeGreaterThanOrEqual(3);
    const user = last(runtime, 'USER')?.text.split(':')[0];
    expect(user, 'the runtime stage needs a USER').toBeDefined();
    expect(['root', '0']).not.toContain(user);
    // Nothing after USER may need root, and nothing is installed in the runtime stage itself.
    expect(all(runtime, 'RUN').every((run) => run.line < (last(runtime, 'USER')?.line ?? 0))).toBe(true);
    expect(all(runtime, 'RUN').some((run) => /\bnpm (ci|install)\b/.test(run.text))).toBe(false);
  });

  it('takes node_modules from a stage that ran npm ci --omit=dev', () => {
    const modules = all(runtime, 'COPY')
      .map(parseCopy)
      .find((copy) => copy.sources.some((source) => /node_modules\/?$/.test(source)));
    const from = dockerStages.find((stage) => stage.name === modules?.from);
    expect(from?.instructions.some((instruction) => instruction.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(instruction.text))).toBe(
      true,
    );
  });

  it('listens on every address on the exposed port with TLS off, data on a volume, and has a HEALTHCHECK', () => {
    const env = runtimeEnv();
    expect(Object.fromEntries(env)).toMatchObject({ HOST: '0.0.0.0', PREFLIGHT_TLS: 'off' });
    expect(last(runtime, 'EXPOSE')?.text).toBe(env.get('PORT'));
    expect(command(last(runtime, 'VOLUME')?.text ?? '[]')).toContain(env.get('PREFLIGHT_DATA'));
    const healthcheck = last(runtime, 'HEALTHCHECK');
    expect(healthcheck, 'the runtime stage needs a HEALTHCHECK').toBeDefined();
    expect(flags(healthcheck?.text ?? '').rest).toMatch(/^CMD \[/);
  });

  it('sets only variables the server reads, and values it accepts', () => {
    const env = Object.fromEntries(runtimeEnv());
    const { read, ok, problems } = serverReads({ ...env, PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp' });
    expect(Object.keys(env).filter((name) => !read.has(name))).toEqual([]);
    expect([ok, problems]).toEqual([true, []]);
  });

  it('copies into the runtime stage only what exists in the repository or after npm run build', () => {
    const missing = copySteps(dockerStages, ROOT).filter((step) => step.source.kind === 'path' && !existsSync(step.source.path));
    const named = missing.map((step) => `line ${step.line}: ${step.source.kind === 'path' ? relative(ROOT, step.source.path) : ''}`);
    expect(named, 'missing after npm run build?').toEqual([]);
    // Its "type": "module" makes build/**/*.js ES modules; without it Node only guesses from the syntax.
    expect(copySteps(dockerStages, ROOT).map((step) => step.target)).toContain('package.json');
  });
});

describe('.dockerignore', () => {
  const ignored = dockerignore(text('.dockerignore'));

  it('keeps out installed and built trees, local data and Git', () => {
    for (const path of [
      'node_modules/fastify/package.json',
      'build/server/main.js',
      'dist/launchevent.js',
      '.data/links.sqlite',
      '.git/HEAD',
    ]) {
      expect(ignored(path), path).not.toBeNull();
    }
  });

  it('leaves in everything the build and the runtime stage read from the context', () => {
    const fromContext = dockerStages.flatMap((stage) =>
      all(stage, 'COPY')
        .map(parseCopy)
        .filter((copy) => copy.from === undefined)
        .flatMap((copy) => copy.sources),
    );
    const wholeContext = fromContext.filter((source) => source === '.');
    // `COPY . .` then `npm run build`: tsc and webpack read these (package.json "build", tsconfig.*.json, webpack.config.js).
    const buildInputs =
      wholeContext.length > 0
        ? [
            'package.json',
            'package-lock.json',
            'webpack.config.js',
            ...readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name)),
            ...files('src'),
            ...files('types'),
          ]
        : [];
    const needed = [
      ...fromContext
        .filter((source) => source !== '.')
        .flatMap((source) => (statSync(join(ROOT, source)).isDirectory() ? files(source) : [source])),
      ...buildInputs,
    ];
    expect(needed.length).toBeGreaterThan(100);
    expect(needed.filter((path) => ignored(path) !== null).map((path) => `${path} (${ignored(path)})`)).toEqual([]);
  });
});

describe('runtime dependencies', () => {
  it('has every package the built server imports in dependencies, so npm ci --omit=dev keeps it', () => {
    const entries = files('build/server')
      .filter((path) => path.endsWith('.js'))
      .map((path) => join(ROOT, path));
    expect(entries.length, 'build/server is missing: run npm run build:node').toBeGreaterThan(20);
    const imports = runtimeImports(entries);
    expect([...imports.packages].filter((name) => manifest.dependencies[name] === undefined)).toEqual([]);
    // Loaded only for the development certificate, which the image never makes (PREFLIGHT_TLS=off);
    // src/server/dev-certificate.ts says what is missing when it is not installed.
    expect([...imports.dynamicPackages].filter((name) => manifest.dependencies[name] === undefined)).toEqual(['office-addin-dev-certs']);
  });
});

describe('compose.yaml', () => {
  interface Service {
    image?: string;
    build?: unknown;
    environment?: Record<string, string>;
    ports?: string[];
  }
  const compose = parseYaml(text('compose.yaml')) as { services: Record<string, Service> };
  const preflight = compose.services['preflight'] as Service;
  const shell = { PREFLIGHT_KEKS: `trial-1:${Buffer.alloc(32, 7).toString('base64')}` };

  it('runs Preflight from this Dockerfile with PostgreSQL 16 and Azurite, published on 127.0.0.1 only', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['azurite', 'postgres', 'preflight']);
    expect([compose.services['postgres']?.image, compose.services['azurite']?.image]).toEqual([
      'postgres:16',
      'mcr.microsoft.com/azure-storage/azurite',
    ]);
    expect(preflight.build).toBe('.');
    const published = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(published.filter((port) => !port.startsWith('127.0.0.1:'))).toEqual([]);
    expect(preflight.ports).toEqual([`127.0.0.1:${runtimeEnv().get('PORT')}:${runtimeEnv().get('PORT')}`]);
  });

  it('gives the server only variables it reads, with values it accepts', () => {
    const environment = Object.fromEntries(
      Object.entries(preflight.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), shell)]),
    );
    const { read, ok, problems } = serverReads({ ...Object.fromEntries(runtimeEnv()), ...environment });
    expect(Object.keys(environment).filter((name) => !read.has(name))).toEqual([]);
    expect([ok, problems]).toEqual([true, []]);
    expect(environment['PREFLIGHT_BLOB_URL']).toBe('azure://preflight');
    // The other services, by their names on the compose network, with the database's own credentials.
    const postgres = compose.services['postgres']?.environment ?? {};
    const database = new URL(environment['PREFLIGHT_DATABASE_URL'] ?? '');
    expect([database.hostname, database.username, database.password, database.pathname]).toEqual([
      'postgres',
      postgres['POSTGRES_USER'],
      postgres['POSTGRES_PASSWORD'],
      `/${postgres['POSTGRES_DB']}`,
    ]);
    expect(environment['AZURE_STORAGE_CONNECTION_STRING']).toMatch(/BlobEndpoint=http:\/\/azurite:10000\/devstoreaccount1;/);
  });

  it('refuses to start without key-encryption keys from the shell', () => {
    expect(() => interpolate(String(preflight.environment?.['PREFLIGHT_KEKS']), {})).toThrow(/PREFLIGHT_KEKS/);
  });
});

describe('the runtime stage, run', () => {
  let tree: ImageTree;
  let port: number;
  let env: Record<string, string>;

  /** A command of the image as this machine runs it: `node` is the Node.js running the tests. */
  function argv(instruction: string): string[] {
    const [program, ...args] = command(instruction);
    return [program === 'node' ? process.execPath : (program ?? ''), ...args];
  }

  function healthcheck(port?: number): Promise<number | null> {
    const [program = '', ...args] = argv(flags(last(runtime, 'HEALTHCHECK')?.text ?? '').rest.replace(/^CMD /, ''));
    const to = port === undefined ? env : { ...env, PORT: String(port) };
    return new Promise((done) => spawn(program, args, { cwd: tree.root, env: to, stdio: 'ignore' }).on('exit', done));
  }

  beforeAll(async () => {
    tree = assembleRuntime(copySteps(dockerStages, ROOT), ROOT);
    port = await freePort();
    // The image's ENV, with what a container would change: the port the test picked, loopback, a data folder.
    env = {
      PATH: process.env['PATH'] ?? '',
      HOME: tree.root,
      ...Object.fromEntries(runtimeEnv()),
      HOST: '127.0.0.1',
      PORT: String(port),
      PREFLIGHT_DATA: join(tree.root, '..', 'data'),
      PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp',
      PREFLIGHT_LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => tree?.remove());

  it(
    'starts CMD with the production dependencies only, answers the HEALTHCHECK, and fails it once stopped',
    { timeout: 20_000 },
    async () => {
      const [program = '', ...args] = argv(last(runtime, 'CMD')?.text ?? '');
      const server = spawn(program, args, { cwd: tree.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const exited = new Promise<number | null>((done) => server.on('exit', done));
      await new Promise<void>((done, fail) => {
        const take = (chunk: Buffer): void => {
          output += chunk.toString('utf8');
          if (output.includes('Preflight is running')) done();
        };
        server.stdout.on('data', take);
        server.stderr.on('data', take);
        void exited.then((code) => fail(new Error(`the image's CMD exited (${code}):\n${output}`)));
      });
      expect(await healthcheck()).toBe(0);
      const body = (await (await fetch(`http://127.0.0.1:${port}/.well-known/microsoft-officeaddins-allowed.json`)).json()) as {
        allowed: string[];
      };
      expect(body.allowed).toEqual(['https://preflight.example.co.jp/launchevent.js']);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await healthcheck()).toBe(1);
    },
  );

  it('fails the HEALTHCHECK when /healthz answers other than 200', async () => {
    const unhealthy = createServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((done) => unhealthy.listen(0, '127.0.0.1', done));
    try {
      expect(await healthcheck((unhealthy.address() as AddressInfo).port)).toBe(1);
    } finally {
      unhealthy.close();
    }
  });
});
