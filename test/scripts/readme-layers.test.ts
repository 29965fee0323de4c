// The README's layer table is what a new engineer reads first; scripts/layers.js is what `npm run layers`
// enforces. They must say the same, or the README teaches rules the tooling does not hold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/layers.js';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** folder → the layers its row says it may import ("itself" is none; notes in brackets dropped). */
function readmeLayerTable(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const match of text.matchAll(/^\| `src\/([a-z0-9-]+)\/` \| .* \| ([^|]+) \|$/gm)) {
    const [, folder = '', imports = ''] = match;
    const names = imports
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && name !== 'itself');
    rows.set(folder, names);
  }
  return rows;
}

describe('the README layer table', () => {
  const table = readmeLayerTable(README);

  it('has one row for every layer scripts/layers.js knows, and no other', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it.each(Object.entries(LAYERS))('lists for src/%s/ exactly the layers it may import', (folder, rule) => {
    expect([...(table.get(folder) ?? [])].sort()).toEqual([...rule.layers].sort());
  });
});
