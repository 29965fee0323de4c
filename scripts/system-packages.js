// The system tools the tests use, from Debian's packages: `npm test` installs the missing ones itself
// where it may (root with apt-get, as in CI), and otherwise stops with the one command that does
// (README, "Tests"; issue 14: two commands on a fresh machine).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
  return fonts.status === 0 && /Noto Sans CJK/i.test(fonts.stdout);
}

function hasPostgresServer() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  return versions.some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`));
}

/** Debian package → whether this machine already has what the tests use from it. */
export function systemChecks(chromium) {
  return [
    {
      package: 'chromium',
      present: () => existsSync(chromium),
      usedFor: `the browser tests (${chromium}; PREFLIGHT_CHROMIUM picks another)`,
    },
    { package: 'fonts-noto-cjk', present: hasCjkFont, usedFor: 'Japanese text in the browser tests and screenshots' },
    { package: 'p7zip-full', present: () => hasCommand('7z'), usedFor: 'checking our AES ZIPs against 7-Zip' },
    { package: 'postgresql', present: hasPostgresServer, usedFor: 'the PostgreSQL storage and two-instance tests' },
  ];
}

/** The packages still missing; installs them first when running as root with apt-get. */
export function ensureSystemPackages(chromium, log = console.log) {
  const missing = () => systemChecks(chromium).filter((check) => !check.present());
  const before = missing();
  if (before.length === 0) return [];
  const names = before.map((check) => check.package);
  if (process.getuid?.() === 0 && hasCommand('apt-get')) {
    log(`\n== Installing from Debian's packages: ${names.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env });
  }
  return missing();
}
