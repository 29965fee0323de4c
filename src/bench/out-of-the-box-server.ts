// The server as `npm start` runs it on a developer's machine: readEnvironment with no sign-in, mail or
// storage variables (only PORT, to find a free one), the checkout's config/policy.json and dist/, the
// development certificate, on localhost. The browser tests use it to show what works out of the box.
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { readEnvironment } from '../server/config.js';
import { startServer } from '../server/start.js';
import { freePort } from './free-port.js';
import { CHROMIUM_ARGS, type PlaygroundServer } from './playground-server.js';

export interface OutOfTheBoxServer extends PlaygroundServer {
  /** The copy of config/policy.json the server reads (the checkout's own file is never written). */
  readonly policyFile: string;
}

export async function startOutOfTheBoxServer(root: string): Promise<OutOfTheBoxServer> {
  // A working directory shaped like the checkout, so the default relative paths (config/policy.json,
  // dist, .data) resolve as they do for `npm start`, and what the server stores is thrown away.
  const work = await mkdtemp(join(tmpdir(), 'preflight-out-of-the-box-'));
  await mkdir(join(work, 'config'));
  await copyFile(join(root, 'config', 'policy.json'), join(work, 'config', 'policy.json'));
  await symlink(join(root, 'dist'), join(work, 'dist'), 'dir');
  const port = await freePort();
  const read = readEnvironment({ PORT: String(port) }, work, root);
  if (!read.ok) throw new Error(`the default environment is refused: ${read.problems.join('; ')}`);
  const { environment } = read;
  const running = await startServer({
    ...environment,
    server: { ...environment.server, watchPolicy: false, logLevel: 'silent' },
    // One certificate for all runs, as in playground-server.ts: generating a key pair is the slowest part.
    certificates: { directory: join(tmpdir(), 'preflight-test-certificates'), trustedDirectory: null },
  });
  const remove = () => rm(work, { recursive: true, force: true });
  try {
    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
    return {
      app: running.app,
      browser,
      origin: environment.server.publicOrigin,
      port,
      dataDirectory: join(work, '.data'),
      policyFile: join(work, 'config', 'policy.json'),
      async close() {
        await browser.close();
        await running.app.close();
        await remove();
      },
    };
  } catch (error) {
    await running.app.close();
    await remove();
    throw error;
  }
}
