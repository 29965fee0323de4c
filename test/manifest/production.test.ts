import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_ORIGIN, PANE_SENDS_QUERY, parseBaseUrl, productionManifest } from '../../scripts/manifest.js';
import { MANIFEST_FILE, orderProblems, readManifest, ROOT, urls } from './manifest-model.js';
import { descendants, type XmlElement } from './xml.js';

const SCRIPT = resolve(ROOT, 'scripts/manifest.js');
const work = mkdtempSync(join(tmpdir(), 'preflight-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Element names and attributes, URLs left out: what must not change between the two manifests. */
function shape(root: XmlElement): string[] {
  return [...descendants(root)].map(
    (element) =>
      `${element.name} ${[...element.attributes]
        .filter(([, value]) => !value.startsWith('https://'))
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')}`,
  );
}

describe('npm run manifest', () => {
  it('writes a manifest with every URL on the given origin and no localhost left', () => {
    const result = run('--base-url', 'https://preflight.example.co.jp', '--out', 'production.xml');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Wrote production.xml for https://preflight.example.co.jp');
    const text = readFileSync(join(work, 'production.xml'), 'utf8');
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    const production = readManifest(text);
    expect(urls(production.root).filter((url) => new URL(url).origin !== 'https://preflight.example.co.jp')).toEqual([]);
    expect(orderProblems(production.root)).toEqual([]);
    expect(shape(production.root)).toEqual(shape(readManifest().root));
  });

  it('keeps a port and drops a trailing slash', () => {
    expect(run('--base-url=https://addins.example.com:8443/', '--out=port.xml').status).toBe(0);
    const domains = [...descendants(readManifest(readFileSync(join(work, 'port.xml'), 'utf8')).root)].filter(
      (element) => element.localName === 'AppDomain',
    );
    expect(domains.map((domain) => domain.text)).toEqual(['https://addins.example.com:8443']);
  });

  it('sets the support link when asked, escaped for XML', () => {
    expect(
      run('--base-url', 'https://preflight.example.co.jp', '--out', 'support.xml', '--support-url', 'https://help.example.co.jp/it?a=1&b=2')
        .status,
    ).toBe(0);
    const root = readManifest(readFileSync(join(work, 'support.xml'), 'utf8')).root;
    const support = root.children.find((element) => element.localName === 'SupportUrl');
    expect(support?.attributes.get('DefaultValue')).toBe('https://help.example.co.jp/it?a=1&b=2');
  });

  it('writes manifest.production.xml by default and never over manifest.xml', () => {
    expect(run('--base-url', 'https://preflight.example.co.jp').status).toBe(0);
    expect(readFileSync(join(work, 'manifest.production.xml'), 'utf8')).toContain('https://preflight.example.co.jp/launchevent.js');
    const over = spawnSync(process.execPath, [SCRIPT, '--base-url', 'https://x.example', '--out', MANIFEST_FILE], { encoding: 'utf8' });
    expect(over.status).toBe(64);
    expect(over.stderr).toContain('must not be manifest.xml itself');
  });

  it.each([
    [['--permissions', 'ReadMailbox'], '--permissions must be ReadWriteItem or ReadWriteMailbox'],
    [['--base-url'], '--base-url needs a value'],
    [['--base-url', 'http://preflight.example.co.jp'], 'must use https://'],
    [['--base-url', 'https://preflight.example.co.jp/addin'], 'without a path, query or #'],
    [['--base-url', 'https://preflight.example.co.jp/?x=1'], 'without a path, query or #'],
    [['--base-url', 'https://user:pw@preflight.example.co.jp'], 'must not contain a user name or password'],
    [['--base-url', 'preflight.example.co.jp'], 'is not a URL'],
    [['--base-url', 'https://a.example', '--base-url', 'https://b.example'], 'given twice'],
    [['--base-url', 'https://a.example', '--support-url', 'http://help.example'], '--support-url must use https://'],
    [['--origin', 'https://a.example'], 'unknown argument: --origin'],
  ])('refuses %j with exit 64 and the usage', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run manifest -- [--base-url');
  });

  it('turns on Confirm and send with --permissions ReadWriteMailbox, for development by default', () => {
    const result = run('--permissions', 'ReadWriteMailbox', '--out', 'mailbox.xml');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('development only');
    const text = readFileSync(join(work, 'mailbox.xml'), 'utf8');
    const root = readManifest(text).root;
    expect(root.children.find((element) => element.localName === 'Permissions')?.text).toBe('ReadWriteMailbox');
    // The pane learns from its own URL that it may call item.sendAsync (src/taskpane/index.tsx).
    expect([...new Set(urls(root).filter((url) => url.includes('/taskpane.html')))]).toEqual([
      `${DEVELOPMENT_ORIGIN}/taskpane.html?${PANE_SENDS_QUERY}`,
    ]);
    expect(orderProblems(root)).toEqual([]);
    expect(text).not.toContain('<Permissions>ReadWriteItem</Permissions>');
  });

  it('prints the usage for --help', () => {
    const result = run('--help');
    expect([result.status, result.stdout.startsWith('Usage:')]).toEqual([0, true]);
  });
});

describe('productionManifest', () => {
  it('replaces the development origin everywhere', () => {
    const source = readFileSync(MANIFEST_FILE, 'utf8');
    const count = source.split(DEVELOPMENT_ORIGIN).length - 1;
    expect(count).toBeGreaterThan(8);
    const production = productionManifest(source, parseBaseUrl('https://xn--eckwd4c7c.example.jp'));
    expect(production.split('https://xn--eckwd4c7c.example.jp').length - 1).toBe(count);
  });

  it('turns an internationalised host into its ASCII form', () => {
    expect(parseBaseUrl('https://送信.example.jp')).toBe('https://xn--vuq367m.example.jp');
  });
});
