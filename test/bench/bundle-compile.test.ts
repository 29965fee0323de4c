import { describe, expect, it } from 'vitest';
import { compileMedianMs } from '../../src/bench/bundle-compile.js';

describe('the bundle compile figure', () => {
  it('times a script V8 compiles, and fails loudly on one it cannot', () => {
    const figure = compileMedianMs('var handler = function (event) { return event.completed({ allowEvent: true }); };');
    expect(figure).toBeGreaterThan(0);
    expect(Number.isFinite(figure)).toBe(true);
    expect(() => compileMedianMs('var broken = function (;')).toThrow(SyntaxError);
  });
});
