import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_FRAME_ANCESTORS, type ServerConfig } from '../../src/server/config.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A policy the core accepts, with a character JSON allows in strings but ES2016 does not. */
export const GOOD_POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  keywords: [{ term: '社外秘\u2028', action: 'block', where: ['subject'] }],
};

export const BUNDLE = 'Office.actions.associate("onMessageSendHandler", function (event) { event.completed({ allowEvent: true }); });\n';

export interface Workspace {
  readonly directory: string;
  readonly policyFile: string;
  readonly distDirectory: string;
  readonly assetsDirectory: string;
  writePolicy(document: unknown): void;
  config(overrides?: Partial<ServerConfig>): ServerConfig;
  /** The environment for `build/server/main.js` on this workspace, nothing inherited but PATH. */
  mainEnvironment(extra?: Record<string, string>): NodeJS.ProcessEnv;
  remove(): void;
}

const MAIN = resolve(ROOT, 'build/server/main.js');

/** `build/server/main.js`, as npm start runs it; `npm test` builds first, a local run needs `npm run build:node`. */
export function builtMain(): string {
  if (!existsSync(MAIN)) throw new Error('build/server/main.js is missing: run `npm run build:node` first');
  return MAIN;
}

/** A throwaway dist/, assets/ and policy file, so server tests need no build. */
export function workspace(policy: unknown = GOOD_POLICY): Workspace {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-server-'));
  const distDirectory = join(directory, 'dist');
  const assetsDirectory = join(directory, 'assets');
  const policyFile = join(directory, 'config', 'policy.json');
  mkdirSync(join(distDirectory, 'playground'), { recursive: true });
  mkdirSync(assetsDirectory);
  mkdirSync(join(directory, 'config'));
  writeFileSync(join(distDirectory, 'launchevent.js'), BUNDLE);
  writeFileSync(join(distDirectory, 'launchevent.html'), '<!doctype html><title>handlers</title>');
  writeFileSync(join(distDirectory, 'taskpane.html'), '<!doctype html><title>pane</title>');
  writeFileSync(join(distDirectory, 'taskpane.js'), 'console.log("pane");');
  writeFileSync(join(distDirectory, 'playground', 'index.html'), '<!doctype html><title>playground</title>');
  writeFileSync(join(distDirectory, 'playground', 'taskpane.html'), '<!doctype html><title>playground pane</title>');
  writeFileSync(join(assetsDirectory, 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const writePolicy = (document: unknown): void =>
    writeFileSync(policyFile, typeof document === 'string' ? document : JSON.stringify(document, null, 2));
  writePolicy(policy);
  return {
    directory,
    policyFile,
    distDirectory,
    assetsDirectory,
    writePolicy,
    config: (overrides = {}) => ({
      publicOrigin: 'https://localhost:3000',
      policyFile,
      distDirectory,
      assetsDirectory,
      watchPolicy: false,
      frameAncestors: DEFAULT_FRAME_ANCESTORS,
      logLevel: 'info',
      ...overrides,
    }),
    mainEnvironment: (extra = {}) => ({
      PATH: process.env['PATH'],
      HOME: directory,
      PREFLIGHT_POLICY: policyFile,
      PREFLIGHT_DIST: distDirectory,
      PREFLIGHT_ASSETS: assetsDirectory,
      ...extra,
    }),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

export interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** Collects the app's JSON log lines; `next` resolves with the first record (past or future) that matches. */
export function logCapture(): { stream: Writable; records: LogRecord[]; next(match: (record: LogRecord) => boolean): Promise<LogRecord> } {
  const records: LogRecord[] = [];
  const waiting: Array<{ match: (record: LogRecord) => boolean; resolve: (record: LogRecord) => void }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk
        .toString('utf8')
        .split('\n')
        .filter((text) => text !== '')) {
        const record = JSON.parse(line) as LogRecord;
        records.push(record);
        for (const waiter of waiting.filter((entry) => entry.match(record))) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(record);
        }
      }
      done();
    },
  });
  return {
    stream,
    records,
    next: (match) =>
      new Promise((resolve) => {
        const found = records.find(match);
        if (found !== undefined) resolve(found);
        else waiting.push({ match, resolve });
      }),
  };
}
