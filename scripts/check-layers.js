#!/usr/bin/env node
// Fails when a file under src/ imports a layer or package its layer may not (scripts/layers.js).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { LAYERS } from './layers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield path;
  }
}

function layerOf(path) {
  return relative(src, path).split(sep)[0];
}

function packageAllowed(specifier, allowed) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return allowed.some((pattern) => (pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : pattern === name));
}

/** Specifiers a file imports or re-exports only as types (`import type`, `export type … from`). */
function typeOnlySpecifiers(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const typeOnly = new Set();
  const valued = new Set();
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    if (statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : statement;
    const onlyTypes =
      clause !== undefined &&
      (clause.isTypeOnly ||
        (ts.isImportDeclaration(statement) &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly)));
    (onlyTypes ? typeOnly : valued).add(statement.moduleSpecifier.text);
  }
  return new Set([...typeOnly].filter((specifier) => !valued.has(specifier)));
}

const problems = [];
for (const file of sourceFiles(src)) {
  const where = relative(root, file);
  const layer = layerOf(file);
  const rules = LAYERS[layer];
  if (!rules) {
    problems.push(`${where}: folder src/${layer} is not a layer in scripts/layers.js`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const typeLayers = rules.typeLayers ?? [];
  const typesOnly = typeLayers.length > 0 ? typeOnlySpecifiers(file, text) : new Set();
  for (const { fileName: specifier } of importedFiles) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(src + sep)) {
        problems.push(`${where}: imports ${specifier}, outside src/`);
        continue;
      }
      const targetLayer = layerOf(target);
      const asTypes = typeLayers.includes(targetLayer) && typesOnly.has(specifier);
      if (targetLayer !== layer && !rules.layers.includes(targetLayer) && !asTypes) {
        problems.push(`${where}: layer ${layer} may not import layer ${targetLayer} (${specifier})`);
      }
    } else if (!packageAllowed(specifier, rules.packages)) {
      problems.push(`${where}: layer ${layer} may not import package ${specifier}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Layer check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Layer check: every import follows scripts/layers.js.');
