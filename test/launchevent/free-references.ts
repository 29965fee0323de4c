// The global names a script uses: identifiers that no enclosing scope declares. `function f(document)`
// binds its own `document`; only a free `document` would need the DOM. Scopes follow ES2016: var and
// function declarations belong to the function, let/const/class to the block, catch to its clause.
import type { Node } from 'acorn';

type AnyNode = Node & Record<string, unknown>;

interface Scope {
  readonly names: Set<string>;
  readonly parent: Scope | null;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const BLOCKS = new Set([
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'SwitchStatement',
  'CatchClause',
  'ClassExpression',
  'ClassDeclaration',
]);

export function freeReferences(program: Node): Set<string> {
  const scopes = new Map<Node, Scope>();
  declare(program as AnyNode, scopeFor(program, null, scopes), scopeFor(program, null, scopes), scopes);
  const free = new Set<string>();
  resolveAll(program as AnyNode, scopes.get(program)!, scopes, free);
  return free;
}

function scopeFor(node: Node, parent: Scope | null, scopes: Map<Node, Scope>): Scope {
  const existing = scopes.get(node);
  if (existing !== undefined) return existing;
  const scope: Scope = { names: new Set(), parent };
  scopes.set(node, scope);
  return scope;
}

function declare(node: AnyNode, functionScope: Scope, blockScope: Scope, scopes: Map<Node, Scope>): void {
  if (FUNCTIONS.has(node.type)) {
    if (node.type === 'FunctionDeclaration' && node['id']) bindPattern(node['id'], blockScope);
    const inner = scopeFor(node, blockScope, scopes);
    if (node.type === 'FunctionExpression' && node['id']) bindPattern(node['id'], inner);
    for (const param of node['params'] as AnyNode[]) bindPattern(param, inner);
    visitChildren(node, (child) => declare(child, inner, inner, scopes), ['id', 'params']);
    for (const param of node['params'] as AnyNode[]) visitChildren(param, (child) => declare(child, inner, inner, scopes));
    return;
  }
  let block = blockScope;
  if (BLOCKS.has(node.type)) {
    block = scopeFor(node, blockScope, scopes);
    if (node.type === 'CatchClause' && node['param']) bindPattern(node['param'], block);
    if (node.type === 'ClassExpression' && node['id']) bindPattern(node['id'], block);
  }
  if (node.type === 'ClassDeclaration' && node['id']) bindPattern(node['id'], blockScope);
  if (node.type === 'VariableDeclaration') {
    const target = node['kind'] === 'var' ? functionScope : blockScope;
    for (const declarator of node['declarations'] as AnyNode[]) bindPattern(declarator['id'], target);
  }
  visitChildren(node, (child) => declare(child, functionScope, block, scopes));
}

function resolveAll(node: AnyNode, scope: Scope, scopes: Map<Node, Scope>, free: Set<string>): void {
  const own = scopes.get(node) ?? scope;
  if (node.type === 'Identifier') {
    if (!isDeclared(String(node['name']), own)) free.add(String(node['name']));
    return;
  }
  const skipped: string[] = ['label'];
  if (node.type === 'MemberExpression' && node['computed'] === false) skipped.push('property');
  if (['Property', 'MethodDefinition', 'PropertyDefinition'].includes(node.type) && node['computed'] === false) skipped.push('key');
  visitChildren(node, (child) => resolveAll(child, own, scopes, free), skipped);
}

function isDeclared(name: string, scope: Scope | null): boolean {
  for (let current = scope; current !== null; current = current.parent) if (current.names.has(name)) return true;
  return false;
}

function bindPattern(pattern: unknown, scope: Scope): void {
  const node = pattern as AnyNode | null;
  if (node === null) return;
  switch (node.type) {
    case 'Identifier':
      scope.names.add(String(node['name']));
      return;
    case 'ObjectPattern':
      for (const property of node['properties'] as AnyNode[])
        bindPattern(property.type === 'RestElement' ? property['argument'] : property['value'], scope);
      return;
    case 'ArrayPattern':
      for (const element of node['elements'] as unknown[]) bindPattern(element, scope);
      return;
    case 'RestElement':
      bindPattern(node['argument'], scope);
      return;
    case 'AssignmentPattern':
      bindPattern(node['left'], scope);
      return;
  }
}

function visitChildren(node: AnyNode, visit: (child: AnyNode) => void, skipped: readonly string[] = []): void {
  for (const [key, value] of Object.entries(node)) {
    if (skipped.includes(key)) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') visit(child as AnyNode);
    }
  }
}
