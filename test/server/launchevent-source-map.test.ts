// The served source map must point stack traces from /launchevent.js (boot line first) at the right
// source lines; the map webpack writes is for the bundle alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { composeLaunchEventScript, shiftedSourceMap } from '../../src/server/launchevent-script.js';
import { workspace } from './fixtures.js';

const DIST = resolve(import.meta.dirname, '../../dist');

/** 0-based line and column of the first match of `pattern` in `text`. */
function positionOf(text: string, pattern: RegExp): { line: number; column: number } {
  const index = text.search(pattern);
  if (index < 0) throw new Error(`${pattern} is not in the text`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, column: (before.at(-1) ?? '').length };
}

describe('the handler bundle source map', () => {
  it('moves every generated line down by the lines put before the bundle', () => {
    expect(JSON.parse(shiftedSourceMap('{"version":3,"sources":["a.ts"],"names":[],"mappings":"AAAA;AACA"}', 1) ?? '')).toMatchObject({
      mappings: ';AAAA;AACA',
      sources: ['a.ts'],
    });
    expect(shiftedSourceMap('not json', 1)).toBeNull();
    expect(shiftedSourceMap('{"version":3}', 1)).toBeNull();
  });

  it('maps a place in the served script, boot line included, back to the handler source', () => {
    const bundle = readFileSync(resolve(DIST, 'launchevent.js'), 'utf8');
    const map = readFileSync(resolve(DIST, 'launchevent.js.map'), 'utf8');
    expect(bundle.length).toBeLessThan(400_000);
    const served = composeLaunchEventScript('https://localhost:3000', '{"internalDomains":["example.co.jp"]}', bundle).body;
    // The call that registers the send handler: minified, `j("onMessageSendHandler",…)`, whose start is mapped.
    const where = positionOf(served, /[\w$]+\("onMessageSendHandler"/);
    const sourceLine = (map: string): string => {
      const entry = new SourceMap(JSON.parse(map)).findEntry(where.line, where.column);
      if (!('originalSource' in entry)) return '';
      const file = resolve(import.meta.dirname, '../..', entry.originalSource.replace(/^.*?\/src\//, 'src/'));
      return readFileSync(file, 'utf8').split('\n')[entry.originalLine] ?? '';
    };
    expect(sourceLine(shiftedSourceMap(map, 1) ?? '{}')).toContain("'onMessageSendHandler'");
    expect(sourceLine(map)).not.toContain("'onMessageSendHandler'");
  });

  it('is served beside the script, and a build without one answers 404', async () => {
    const files = workspace();
    try {
      const without = await buildApp(files.config({ logLevel: 'silent' }));
      expect((await without.inject({ url: '/launchevent.js.map' })).statusCode).toBe(404);
      await without.close();
      writeFileSync(
        resolve(files.distDirectory, 'launchevent.js.map'),
        '{"version":3,"sources":["src/launchevent/launchevent.ts"],"names":[],"mappings":"AAAA"}',
      );
      const app = await buildApp(files.config({ logLevel: 'silent' }));
      const answer = await app.inject({ url: '/launchevent.js.map' });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ mappings: ';AAAA' });
      await app.close();
    } finally {
      files.remove();
    }
  });
});
