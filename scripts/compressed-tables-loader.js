// A webpack loader for the handler build (webpack.config.js): src/i18n/handler-tables.ts becomes a
// module with the same `handlerTables()`, whose tables are compressed text (scripts/deflate-text.js)
// unpacked on the first call. The string tables stay the one source of the text; the bundle carries
// them in 7 KB instead of 25 KB, and only a Send that shows a dialog unpacks them.
import { fileURLToPath } from 'node:url';
import { DIGITS, deflatedText } from './deflate-text.js';

const UNCOMPRESSED = '?uncompressed';

/** The tables as JSON of ASCII characters only: `\uXXXX` for the rest, which JSON.parse reads back. */
export function asciiJson(tables) {
  return JSON.stringify(tables).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The module that replaces the tables' module: `inflatePath` is src/policy/lookalike/inflate.ts. */
export function compressedTablesModule(tables, inflatePath) {
  return [
    `import { inflateText } from ${JSON.stringify(inflatePath)};`,
    `const DIGITS = '${DIGITS}';`,
    `const PACKED = '${deflatedText(asciiJson(tables))}';`,
    'let tables = null;',
    'export function handlerTables() {',
    '  if (tables === null) tables = JSON.parse(inflateText(PACKED, DIGITS));',
    '  return tables;',
    '}',
    '',
  ].join('\n');
}

export default function compressedTablesLoader(source) {
  // The uncompressed module is what this loader itself runs, to read the tables.
  if (this.resourceQuery === UNCOMPRESSED) return source;
  const done = this.async();
  this.importModule(`${this.resourcePath}${UNCOMPRESSED}`)
    .then((exports) => {
      if (typeof exports.handlerTables !== 'function') throw new Error(`${this.resourcePath} exports no handlerTables()`);
      const inflatePath = fileURLToPath(new URL('../src/policy/lookalike/inflate.ts', import.meta.url));
      done(null, compressedTablesModule(exports.handlerTables(), inflatePath));
    })
    .catch(done);
}
