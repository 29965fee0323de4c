import { describe, expect, it } from 'vitest';
import { decodeStrictBase64 } from '../../../src/server/zip/strict-base64.js';

describe('decodeStrictBase64', () => {
  it.each([
    ['', ''],
    ['QQ==', '41'],
    ['QUI=', '4142'],
    ['QUJD', '414243'],
    ['+/+/', 'fbffbf'],
  ])('%j decodes to %s', (text, hex) => {
    expect(decodeStrictBase64(text)?.toString('hex')).toBe(hex);
  });

  it.each(['QUJ', 'QUJDR', 'QU JD', 'QUJD\n', 'QU=D', 'Q===', '-_-_', 'QUJD!!!!', 'あいうえ'])('refuses %j', (text) => {
    expect(decodeStrictBase64(text)).toBeNull();
  });
});
