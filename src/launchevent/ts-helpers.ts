// The helpers TypeScript's ES2016 output calls for `async` functions and object rest, given once to the
// whole handler bundle: webpack.config.js compiles the handler with `importHelpers` and resolves their
// module, `tslib`, to this file, where each module would otherwise carry its own copy (4.8 KB of the
// bundle). The handler build fails when a source needs a helper this file lacks (`exportsPresence`).
// The signatures are TypeScript's (https://www.typescriptlang.org/tsconfig/#importHelpers).

type Step = IteratorResult<unknown, unknown>;

/** Runs `body`, a generator over the awaited values, as the async function it was written as. */
export function __awaiter(
  thisArg: unknown,
  args: IArguments | undefined,
  _promise: unknown,
  body: (this: unknown, ...args: unknown[]) => Generator<unknown, unknown, unknown>,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const steps = body.apply(thisArg, args === undefined ? [] : Array.prototype.slice.call(args));
    const advance = (next: () => Step): void => {
      let step: Step;
      try {
        step = next();
      } catch (error) {
        reject(error);
        return;
      }
      if (step.done === true) resolve(step.value);
      else
        Promise.resolve(step.value).then(
          (value) => advance(() => steps.next(value)),
          (error: unknown) => advance(() => steps.throw(error)),
        );
    };
    advance(() => steps.next());
  });
}

/** `const { a, ...rest } = source`: the own enumerable properties of `source` but the `excluded` ones. */
export function __rest(source: Readonly<Record<string, unknown>>, excluded: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (excluded.indexOf(key) < 0) rest[key] = source[key];
  return rest;
}
