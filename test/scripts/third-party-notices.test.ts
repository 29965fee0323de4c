import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTICES_FILE, noticesText, packageDirectoryOf } from '../../scripts/third-party-notices.js';

const ROOT = resolve(import.meta.dirname, '../..');
let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'preflight-notices-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('third-party notices', () => {
  it('finds the package a bundled file belongs to, scoped or nested, and none for the project’s own', () => {
    expect(packageDirectoryOf('/r/node_modules/react/index.js')).toBe('/r/node_modules/react');
    expect(packageDirectoryOf('/r/node_modules/@fluentui/react-button/lib/index.js')).toBe('/r/node_modules/@fluentui/react-button');
    expect(packageDirectoryOf('/r/node_modules/a/node_modules/@s/b/x.js')).toBe('/r/node_modules/a/node_modules/@s/b');
    expect(packageDirectoryOf('/r/src/policy/lookalike/public-suffix-data.ts')).toBeNull();
  });

  it('gives each package its licence files in full, or what its package.json says when it has none', () => {
    write('node_modules/plain/package.json', JSON.stringify({ name: 'plain', version: '1.2.3', license: 'MIT' }));
    write('node_modules/plain/LICENSE', 'Copyright (c) Plain Authors\nPermission is hereby granted');
    write(
      'node_modules/@s/bare/package.json',
      JSON.stringify({ name: '@s/bare', version: '0.1.0', license: 'ISC', author: { name: 'Bare' } }),
    );
    write('node_modules/tldts/package.json', JSON.stringify({ name: 'tldts', version: '7.0.0', license: 'MIT' }));
    write('node_modules/tldts/LICENSE', 'Copyright (c) tldts authors');
    const text = noticesText(
      root,
      [join(root, 'node_modules/plain'), join(root, 'node_modules/@s/bare')],
      new Set(['src/policy/lookalike/public-suffix-data.ts', 'src/inspect/detect-all.ts']),
    );
    expect(text).toContain('plain 1.2.3 (MIT)\n\nCopyright (c) Plain Authors\nPermission is hereby granted');
    expect(text).toContain('@s/bare 0.1.0 (ISC)\n\n(The package has no licence file; its package.json says: ISC, by Bare.)');
    // Data made from another package brings that package's notice, though its code is not bundled.
    expect(text).toContain('Public Suffix List');
    expect(text).toContain('Mozilla Public License 2.0');
    expect(text).toContain('tldts 7.0.0 (MIT)\n\nCopyright (c) tldts authors');
    expect(text).not.toContain('Unicode confusables');
    expect(text.indexOf('@s/bare 0.1.0')).toBeLessThan(text.indexOf('plain 1.2.3'));
  });

  it('is written into dist/ by the build, with what the bundles hold', () => {
    const path = join(ROOT, 'dist', NOTICES_FILE);
    if (!existsSync(path)) throw new Error(`dist/${NOTICES_FILE} is missing: run \`npm run build:web\` first`);
    const text = readFileSync(path, 'utf8');
    for (const entry of ['react 19', 'pdfjs-dist 5', '@fluentui/react-components 9', 'punycode 2']) expect(text).toContain(entry);
    expect(text).toContain('Apache License');
    expect(text).toContain('Public Suffix List');
    expect(text).toContain('Unicode confusables');
    expect(text).not.toMatch(/^(vitest|typescript|webpack) /m);
  });
});
