import { randomInt } from 'node:crypto';

/**
 * Letters and digits without the look-alikes 0/O, 1/l/I, so a password read aloud over the phone or
 * copied by hand survives. 57 symbols carry about 5.8 bits each.
 */
export const PASSWORD_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const MINIMUM_PASSWORD_LENGTH = 16;
/** 20 symbols: about 116 bits, far beyond an offline guess against PBKDF2 with 1,000 rounds. */
export const DEFAULT_PASSWORD_LENGTH = 20;

/** A fresh password from the operating system's CSPRNG (crypto.randomInt has no modulo bias). */
export function generateZipPassword(length: number = DEFAULT_PASSWORD_LENGTH): string {
  if (!Number.isInteger(length) || length < MINIMUM_PASSWORD_LENGTH) {
    throw new RangeError(`A ZIP password needs at least ${MINIMUM_PASSWORD_LENGTH} characters, not ${length}`);
  }
  let password = '';
  for (let index = 0; index < length; index += 1) password += PASSWORD_ALPHABET.charAt(randomInt(PASSWORD_ALPHABET.length));
  return password;
}
