// A TypeScript transformer for the handler build (webpack.config.js), run after TypeScript has lowered
// `??` and `?.` for ES2016. TypeScript writes `a ?? b` as `(_a = a) !== null && _a !== void 0 ? _a : b`
// and `a?.b` as `(_a = a) === null || _a === void 0 ? void 0 : _a.b`; each test of null and then
// undefined is one loose test (`(_a = a) != null`, `(_a = a) == null`), which is what `==` with null
// means (https://tc39.es/ecma262/#sec-islooselyequal: null and undefined equal each other and nothing
// else). Terser makes that change only where no assignment is inside; the handler has a few hundred
// of these, and its bundle is 2.4 KB smaller for it (docs/benchmarks.md, "Handler bundle").
import ts from 'typescript';

const { SyntaxKind } = ts;

const isNull = (node) => node.kind === SyntaxKind.NullKeyword;
const isUndefined = (node) => ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';

/** The variable a test of null is about: `_a` in `(_a = a) !== null` or in `_a !== null`. */
function testedName(operand) {
  const inner = ts.isParenthesizedExpression(operand) ? operand.expression : operand;
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(inner.left)) {
    return inner.left.text;
  }
  return null;
}

/** `x === null` or `null === x` (strict `operator`): the side that is not null, else null. */
function nullTested(node, operator) {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== operator) return null;
  if (isNull(node.right)) return node.left;
  if (isNull(node.left)) return node.right;
  return null;
}

/** True for `name === void 0` or `void 0 === name` (strict `operator`). */
function isUndefinedTest(node, operator, name) {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== operator) return false;
  const [named, other] = isUndefined(node.right) ? [node.left, node.right] : [node.right, node.left];
  return isUndefined(other) && ts.isIdentifier(named) && named.text === name;
}

// `&&` joins the two `!==` tests of `??`, `||` the two `===` tests of `?.`.
const JOINED = [
  { join: SyntaxKind.AmpersandAmpersandToken, strict: SyntaxKind.ExclamationEqualsEqualsToken, loose: SyntaxKind.ExclamationEqualsToken },
  { join: SyntaxKind.BarBarToken, strict: SyntaxKind.EqualsEqualsEqualsToken, loose: SyntaxKind.EqualsEqualsToken },
];

/** `operand != null` for `operand !== null && name !== void 0` (and the `===`/`||` form), else undefined. */
function looseNullTest(node, factory) {
  if (!ts.isBinaryExpression(node)) return undefined;
  const kind = JOINED.find(({ join }) => node.operatorToken.kind === join);
  if (kind === undefined) return undefined;
  const operand = nullTested(node.left, kind.strict);
  const name = operand === null ? null : testedName(operand);
  if (name === null || !isUndefinedTest(node.right, kind.strict, name)) return undefined;
  // Where the two tests were, so that the source map still points a stack trace at the line.
  const test = factory.createBinaryExpression(operand, kind.loose, factory.createNull());
  return ts.setOriginalNode(ts.setTextRange(test, node), node);
}

/** The transformer factory, for ts-loader's `getCustomTransformers: () => ({ after: [...] })`. */
export function nullishChecksTransformer(context) {
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, context);
    return looseNullTest(visited, context.factory) ?? visited;
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}
