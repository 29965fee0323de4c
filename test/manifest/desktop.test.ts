// scripts/desktop.js (npm run start:desktop / npm run stop): when it may sideload, and what it says instead.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopOutlookVerdict, outlookExeFromRegQuery, toolFailed } from '../../scripts/desktop-outlook.js';
import { ROOT } from './manifest-model.js';

const OUTLOOK_EXE = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE';

describe('desktopOutlookVerdict', () => {
  it('says there is no desktop Outlook on Linux, and offers the playground and web sideloading', () => {
    const verdict = desktopOutlookVerdict('linux', null);
    expect(verdict.ok).toBe(false);
    const text = verdict.lines.join('\n');
    expect(text).toContain('this machine runs Linux, which has no desktop Outlook');
    expect(text).toContain('https://localhost:3000/playground/');
    expect(text).toContain('https://aka.ms/olksideload');
    expect(text).toContain('docs/sideload.md');
  });

  it('refuses macOS, which office-addin-debugging cannot sideload into', () => {
    const verdict = desktopOutlookVerdict('darwin', null);
    expect([verdict.ok, verdict.lines[0]]).toEqual([false, expect.stringContaining('Outlook for Mac')]);
  });

  it('refuses Windows without classic Outlook, and allows it with', () => {
    const without = desktopOutlookVerdict('win32', null);
    expect([without.ok, without.lines[0]]).toEqual([false, expect.stringContaining('no classic Outlook (OUTLOOK.EXE)')]);
    expect(desktopOutlookVerdict('win32', OUTLOOK_EXE)).toEqual({ ok: true, lines: [] });
  });
});

describe('outlookExeFromRegQuery', () => {
  const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE';
  it.each([
    ['English Windows', `\r\n${key}\r\n    (Default)    REG_SZ    ${OUTLOOK_EXE}\r\n\r\n`],
    ['Japanese Windows', `\r\n${key}\r\n    (既定)    REG_SZ    ${OUTLOOK_EXE}\r\n\r\n`],
    ['a quoted value', `\r\n${key}\r\n    (Default)    REG_EXPAND_SZ    "${OUTLOOK_EXE}"\r\n`],
  ])('reads the path on %s', (_name, output) => {
    expect(outlookExeFromRegQuery(output)).toBe(OUTLOOK_EXE);
  });

  it('finds none in an empty value or other output', () => {
    expect(outlookExeFromRegQuery(`${key}\r\n    (Default)    REG_SZ    \r\n`)).toBeNull();
    expect(outlookExeFromRegQuery('ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
  });
});

describe('toolFailed', () => {
  it('reads office-addin-debugging 7.0.0’s failure from its stderr (it exits 0)', () => {
    // What `office-addin-debugging start manifest.xml desktop --app outlook` printed on Linux, exit code 0.
    expect(toolFailed('Error: Unable to start debugging.\nError: The current platform is not supported: linux\n')).toBe(true);
    expect(toolFailed('Error: Unable to stop debugging.\nError: Manifest does not contain the id\n')).toBe(true);
    expect(toolFailed('')).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('scripts/desktop.js on Linux', () => {
  const run = (command: string) =>
    spawnSync(process.execPath, [resolve(ROOT, 'scripts/desktop.js'), command], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });

  it('start: exits 1 with the explanation, before building anything and without a stack trace', () => {
    const result = run('start');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('which has no desktop Outlook');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('stop: has nothing to undo and says so', () => {
    const result = run('stop');
    expect([result.status, result.stdout]).toEqual([0, expect.stringContaining('nothing to undo here')]);
  });
});
