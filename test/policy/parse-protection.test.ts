import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../src/policy/parse-policy.js';
import type { PolicyProblem } from '../../src/policy/types.js';
import { problemsOf } from './fixtures.js';

function protectionOf(protection: unknown) {
  const result = parsePolicy({ attachments: { protection } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy.attachments.protection;
}

describe('attachments.protection defaults', () => {
  test('absent: internal as is, external by link, confirm, no ZipCrypto, 25 MiB ZIP, 100 MiB link, 7 days, 3 downloads, code', () => {
    expect(DEFAULT_POLICY.attachments.protection).toEqual({
      internal: 'none',
      external: 'link',
      onUnprotected: 'confirm',
      allowZipCrypto: false,
      zip: { maxTotalBytes: 26_214_400 },
      link: { maxTotalBytes: 104_857_600, expiryDays: 7, maxDownloads: 3, requireCode: true },
    });
  });

  test.each([
    [{}, DEFAULT_POLICY.attachments.protection],
    [{ external: 'zip' }, { ...DEFAULT_POLICY.attachments.protection, external: 'zip' }],
    [
      { link: { expiryDays: 30 } },
      { ...DEFAULT_POLICY.attachments.protection, link: { ...DEFAULT_POLICY.attachments.protection.link, expiryDays: 30 } },
    ],
    [{ zip: {} }, DEFAULT_POLICY.attachments.protection],
  ])('%j keeps the other defaults', (protection, expected) => {
    expect(protectionOf(protection)).toEqual(expected);
  });

  test('an empty attachments object is the default', () => {
    expect(parsePolicy({ attachments: {} })).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  test('every key set', () => {
    const protection = {
      internal: 'zip',
      external: 'none',
      onUnprotected: 'block',
      allowZipCrypto: true,
      zip: { maxTotalBytes: 1 },
      link: { maxTotalBytes: 536_870_912, expiryDays: 1, maxDownloads: 100, requireCode: false },
    };
    expect(protectionOf(protection)).toEqual(protection);
  });
});

describe('attachments.protection problems', () => {
  test.each<[unknown, string, string]>([
    [{ attachments: [] }, '$.attachments', 'must be an object with "protection"'],
    [{ attachments: { protections: {} } }, '$.attachments.protections', 'did you mean "protection"?'],
    [{ attachments: { protection: 'link' } }, '$.attachments.protection', 'must be an object'],
    [{ attachments: { protection: { external: 'ZIP' } } }, '$.attachments.protection.external', 'must be one of "none", "zip", "link"'],
    [{ attachments: { protection: { internal: 'password' } } }, '$.attachments.protection.internal', 'must be one of'],
    [{ attachments: { protection: { externel: 'zip' } } }, '$.attachments.protection.externel', 'did you mean "external"?'],
    [
      { attachments: { protection: { onUnprotected: 'allow' } } },
      '$.attachments.protection.onUnprotected',
      'must be one of "info", "confirm", "block"',
    ],
    [{ attachments: { protection: { allowZipCrypto: 'yes' } } }, '$.attachments.protection.allowZipCrypto', 'must be true or false'],
    [
      { attachments: { protection: { zip: { maxTotalBytes: 0 } } } },
      '$.attachments.protection.zip.maxTotalBytes',
      'out of range: 0 (must be from 1 to 104857600)',
    ],
    [
      { attachments: { protection: { zip: { maxTotalBytes: 104_857_601 } } } },
      '$.attachments.protection.zip.maxTotalBytes',
      'out of range',
    ],
    [{ attachments: { protection: { zip: { maxBytes: 1 } } } }, '$.attachments.protection.zip.maxBytes', 'unknown key'],
    [
      { attachments: { protection: { link: { maxTotalBytes: 536_870_913 } } } },
      '$.attachments.protection.link.maxTotalBytes',
      'must be from 1 to 536870912',
    ],
    [
      { attachments: { protection: { link: { expiryDays: 31 } } } },
      '$.attachments.protection.link.expiryDays',
      'out of range: 31 (must be from 1 to 30)',
    ],
    [
      { attachments: { protection: { link: { expiryDays: 1.5 } } } },
      '$.attachments.protection.link.expiryDays',
      'must be a whole number from 1 to 30',
    ],
    [{ attachments: { protection: { link: { maxDownloads: 0 } } } }, '$.attachments.protection.link.maxDownloads', 'must be from 1 to 100'],
    [{ attachments: { protection: { link: { requireCode: 1 } } } }, '$.attachments.protection.link.requireCode', 'must be true or false'],
    [{ attachments: { protection: { link: { expiryDay: 7 } } } }, '$.attachments.protection.link.expiryDay', 'did you mean "expiryDays"?'],
    [{ attachment: {} }, '$.attachment', 'did you mean "attachments"?'],
  ])('%j', (document, path, message) => {
    const problems = problemsOf(document);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toContain(message);
  });

  test('__proto__ is refused at every level', () => {
    const document = JSON.parse('{"attachments":{"protection":{"link":{"__proto__":{"expiryDays":1}}}}}') as unknown;
    expect(problemsOf(document)).toEqual([{ path: '$.attachments.protection.link.__proto__', message: 'forbidden key "__proto__"' }]);
  });

  test('every bad field is reported at once', () => {
    const problems = problemsOf({
      attachments: { protection: { internal: 'x', link: { expiryDays: 0, maxDownloads: 1000 }, zip: 5 } },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.attachments.protection.internal',
      '$.attachments.protection.zip',
      '$.attachments.protection.link.expiryDays',
      '$.attachments.protection.link.maxDownloads',
    ]);
  });

  test('severities cannot set unprotected-attachment', () => {
    expect(problemsOf({ severities: { 'unprotected-attachment': 'block' } })).toEqual([
      { path: '$.severities["unprotected-attachment"]', message: 'set by $.attachments.protection.onUnprotected, not here' },
    ]);
  });
});
