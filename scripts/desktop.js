#!/usr/bin/env node
// `npm run start:desktop` / `npm run stop`, the names Microsoft's `yo office` templates use: sideload
// manifest.xml into classic Outlook on Windows with office-addin-debugging, serving it with our own
// server (npm start's build, then build/server/main.js) in this window, not webpack-dev-server: classic
// Outlook's event runtime breaks on injected dev-server code (docs/sideload.md). Elsewhere it says why
// not and what to do instead, and exits 1, before building anything.
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopOutlookVerdict, OUTLOOK_APP_PATH_KEY, outlookExeFromRegQuery, toolFailed } from './desktop-outlook.js';
import { DEVELOPMENT_ORIGIN } from './manifest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = join(root, 'manifest.xml');
const SERVER_WAIT_MS = 60_000;

function findOutlookExe() {
  if (process.platform !== 'win32') return null;
  const query = spawnSync('reg', ['query', OUTLOOK_APP_PATH_KEY, '/ve'], { encoding: 'utf8' });
  return query.status === 0 ? outlookExeFromRegQuery(query.stdout) : null;
}

/** Whether a Preflight server answers at the manifest's origin (its development certificate may be untrusted yet). */
function serverAnswers() {
  return new Promise((done) => {
    const request = get(`${DEVELOPMENT_ORIGIN}/healthz`, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => done(false));
  });
}

async function startServer() {
  // A fixed command line through the shell: npm is npm.cmd on Windows, which Node spawns only with a shell.
  if (spawnSync('npm run build', { cwd: root, stdio: 'inherit', shell: true }).status !== 0) process.exit(1);
  const server = spawn(process.execPath, [join(root, 'build', 'server', 'main.js')], { cwd: root, stdio: 'inherit' });
  const exited = new Promise((done) => server.on('exit', (code) => done(code ?? 1)));
  const deadline = Date.now() + SERVER_WAIT_MS;
  while (Date.now() < deadline) {
    const state = await Promise.race([exited.then((code) => ({ code })), serverAnswers().then((up) => ({ up }))]);
    if ('code' in state) process.exit(state.code);
    if (state.up) return { server, exited };
    await new Promise((wait) => setTimeout(wait, 500));
  }
  server.kill();
  console.error(`The server did not answer at ${DEVELOPMENT_ORIGIN}/healthz within ${SERVER_WAIT_MS / 1000} s.`);
  process.exit(1);
}

/** Runs office-addin-debugging, its output shown as it comes; true when it did what it was asked. */
function runTool(args) {
  const cli = createRequire(import.meta.url).resolve('office-addin-debugging/cli.js');
  const tool = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  tool.stderr.setEncoding('utf8');
  tool.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  return new Promise((done) => tool.on('close', (code) => done(code === 0 && !toolFailed(stderr))));
}

async function start() {
  const verdict = desktopOutlookVerdict(process.platform, findOutlookExe());
  if (!verdict.ok) {
    console.error(verdict.lines.join('\n'));
    process.exit(1);
  }
  const running = (await serverAnswers()) ? null : await startServer();
  if (running === null) console.log(`Using the Preflight server already answering at ${DEVELOPMENT_ORIGIN}.`);
  if (!(await runTool(['start', MANIFEST, 'desktop', '--app', 'outlook']))) {
    console.error('\nSideloading failed (above). To add manifest.xml by hand, see docs/sideload.md, section 3.');
    running?.server.kill();
    process.exit(1);
  }
  console.log('\nPreflight is sideloaded and classic Outlook is starting. `npm run stop` removes the add-in again.');
  if (running !== null) {
    console.log('The server runs in this window: Ctrl+C stops it.');
    process.exitCode = await running.exited;
  }
}

async function stop() {
  if (process.platform !== 'win32') {
    console.log('npm run stop undoes npm run start:desktop, which sideloads only on Windows: nothing to undo here.');
    return;
  }
  if (!(await runTool(['stop', MANIFEST]))) process.exit(1);
}

const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'stop') await stop();
else {
  console.error('Usage: node scripts/desktop.js start|stop (npm run start:desktop, npm run stop)');
  process.exit(64);
}
