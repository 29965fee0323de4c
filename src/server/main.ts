// `npm start` / `node build/server/main.js`: reads the environment, starts HTTPS, stops on SIGINT/SIGTERM.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { developmentTokenWarning } from './auth/development-token.js';
import { startupBanner } from './banner.js';
import { readEnvironment } from './config.js';
import { displayPath } from './policy-store.js';
import { startServer, type RunningServer } from './start.js';
import { StartupError } from './startup-error.js';

const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestFile = join(packageDirectory, 'manifest.xml');

function fail(message: string, details: readonly string[]): never {
  process.stderr.write(`\nPreflight did not start: ${message}\n${details.map((line) => `  ${line}\n`).join('')}\n`);
  process.exit(1);
}

/** The origin manifest.xml's URLs use, to warn when the server runs elsewhere (first absolute URL is enough). */
async function manifestOrigin(): Promise<string> {
  const text = await readFile(manifestFile, 'utf8').catch(() => '');
  const match = /DefaultValue="(https:\/\/[^/"]+)/.exec(text);
  return match?.[1] ?? 'https://localhost:3000';
}

function stopOnSignals(running: RunningServer): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`Second ${signal}: exiting without waiting for open connections.\n`);
      process.exit(1);
    }
    stopping = true;
    running.app.log.info(`${signal}: closing`);
    running.app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.app.log.error({ err: error }, 'Error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const read = readEnvironment(process.env, process.cwd(), packageDirectory);
  if (!read.ok) fail('the environment is not valid.', read.problems);
  const { environment } = read;
  let running: RunningServer;
  try {
    running = await startServer({
      ...environment,
      certificates: { directory: join(packageDirectory, '.data', 'certs'), trustedDirectory: join(homedir(), '.office-addin-dev-certs') },
    });
  } catch (error) {
    if (error instanceof StartupError) fail(error.message, error.details);
    throw error;
  }
  stopOnSignals(running);
  process.stdout.write(
    startupBanner({
      publicOrigin: environment.server.publicOrigin,
      listeningUrl: running.listeningUrl,
      manifestFile,
      manifestOrigin: await manifestOrigin(),
      policyFile: displayPath(environment.server.policyFile),
      certificate: running.certificate,
      logLevel: environment.server.logLevel,
      requestLogLevel: environment.server.requestLogLevel ?? 'info',
    }) + (developmentTokenWarning(environment.server.auth, environment.server.publicOrigin) ?? ''),
  );
}

await main();
