import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/playground/base64.js';

describe('bytesToBase64', () => {
  it.each([0, 1, 2, 3, 70_000])('matches Node for %i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, index) => (index * 37) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
