import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_LENGTH, generateZipPassword, PASSWORD_ALPHABET } from '../../../src/server/zip/password.js';

describe('generateZipPassword', () => {
  it('uses an alphabet without 0/O/1/l/I and with every other letter and digit', () => {
    for (const lookalike of '0O1lI') expect(PASSWORD_ALPHABET).not.toContain(lookalike);
    expect(PASSWORD_ALPHABET).toMatch(/^[2-9A-HJ-NP-Za-km-z]{57}$/);
    expect(new Set(PASSWORD_ALPHABET).size).toBe(PASSWORD_ALPHABET.length);
  });

  it('gives 20 characters by default and any length from 16, only from the alphabet', () => {
    expect(generateZipPassword()).toHaveLength(DEFAULT_PASSWORD_LENGTH);
    expect(DEFAULT_PASSWORD_LENGTH).toBeGreaterThanOrEqual(16);
    for (const length of [16, 17, 64]) {
      const password = generateZipPassword(length);
      expect(password).toHaveLength(length);
      for (const character of password) expect(PASSWORD_ALPHABET).toContain(character);
    }
  });

  it('refuses lengths under 16', () => {
    for (const length of [0, 8, 15, 15.5]) expect(() => generateZipPassword(length)).toThrow(RangeError);
  });

  it('draws every symbol of the alphabet and repeats no password', () => {
    const passwords = Array.from({ length: 2000 }, () => generateZipPassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    expect(new Set(passwords.join(''))).toEqual(new Set(PASSWORD_ALPHABET));
  });
});
