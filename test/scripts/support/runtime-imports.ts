// Every module the built server loads, found by following the imports of build/server/**/*.js, so the
// container test can check that `npm ci --omit=dev` keeps each package it needs. Parsed with acorn (a dev
// dependency already used by the bundle tests), not by regular expressions, so strings and comments that
// look like imports do not count.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parse } from 'acorn';

export interface RuntimeImports {
  /** Built files reached, absolute paths. */
  readonly files: ReadonlySet<string>;
  /** Package names imported statically (loaded at start: missing means the server does not start). */
  readonly packages: ReadonlySet<string>;
  /** Package names only imported with import() (loaded when that path runs). */
  readonly dynamicPackages: ReadonlySet<string>;
}

interface Node {
  readonly type: string;
  readonly source?: { readonly type: string; readonly value?: unknown } | null;
  readonly [key: string]: unknown;
}

const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; builtins and relative paths → null. */
export function packageName(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return BUILTINS.has(name) ? null : name;
}

function* sources(node: unknown): Generator<{ specifier: string; dynamic: boolean }> {
  if (typeof node !== 'object' || node === null) return;
  const current = node as Node;
  const literal = current.source;
  if (literal !== undefined && literal !== null && literal.type === 'Literal' && typeof literal.value === 'string') {
    const statement = /^(Import|ExportNamed|ExportAll)Declaration$/.test(current.type);
    if (statement || current.type === 'ImportExpression') yield { specifier: literal.value, dynamic: !statement };
  }
  for (const [key, value] of Object.entries(current)) {
    if (key === 'source') continue;
    if (Array.isArray(value)) for (const child of value) yield* sources(child);
    else if (typeof value === 'object') yield* sources(value);
  }
}

export function runtimeImports(entries: readonly string[]): RuntimeImports {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamicPackages = new Set<string>();
  const pending = entries.map((entry) => resolve(entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const program = parse(readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });
    for (const { specifier, dynamic } of sources(program)) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else {
        const name = packageName(specifier);
        if (name !== null) (dynamic ? dynamicPackages : packages).add(name);
      }
    }
  }
  for (const name of packages) dynamicPackages.delete(name);
  return { files, packages, dynamicPackages };
}
