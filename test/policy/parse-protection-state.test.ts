import { describe, expect, test } from 'vitest';
import { parseProtectionState } from '../../src/policy/index.js';
import type { ProtectionState } from '../../src/policy/types.js';

const STATE: ProtectionState = {
  zips: [
    {
      name: '見積書.zip',
      size: 20480,
      method: 'aes256',
      inspection: {
        name: '見積書.zip',
        size: 20480,
        status: 'inspected',
        reason: '',
        unread: [{ where: 'entry:給与.xlsx', status: 'encrypted', reason: 'office-encrypted' }],
        personalData: [{ kind: 'my-number', high: 2, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:顧客'] }],
      },
    },
    { name: 'legacy.zip', size: 0, method: 'zipcrypto' },
  ],
  links: [{ packageId: 'pkg_01', files: 2 }],
};

function edited(change: (copy: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(STATE)) as Record<string, any>;
  change(copy);
  return copy;
}

describe('parseProtectionState', () => {
  test('a state read back from JSON is itself', () => {
    expect(parseProtectionState(JSON.parse(JSON.stringify(STATE)))).toEqual(STATE);
    expect(parseProtectionState({ zips: [], links: [] })).toEqual({ zips: [], links: [] });
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', '{"zips":[],"links":[]}'],
    ['an array', []],
    ['no links', { zips: [] }],
    ['no zips', { links: [] }],
    [
      'an unknown top-level key',
      edited((copy) => {
        copy.extra = 1;
      }),
    ],
    [
      'zips not an array',
      edited((copy) => {
        copy.zips = {};
      }),
    ],
    [
      'a zip without a name',
      edited((copy) => {
        delete copy.zips[0].name;
      }),
    ],
    [
      'a zip with an empty name',
      edited((copy) => {
        copy.zips[0].name = '';
      }),
    ],
    [
      'a negative size',
      edited((copy) => {
        copy.zips[0].size = -1;
      }),
    ],
    [
      'a fractional size',
      edited((copy) => {
        copy.zips[0].size = 1.5;
      }),
    ],
    [
      'a size as a string',
      edited((copy) => {
        copy.zips[0].size = '20480';
      }),
    ],
    [
      'an unknown method',
      edited((copy) => {
        copy.zips[0].method = 'aes128';
      }),
    ],
    [
      'a zip with an extra field',
      edited((copy) => {
        copy.zips[0].password = 'x';
      }),
    ],
    [
      // Refused whole like any malformed record: the ZIP then counts as unprotected, which asks more.
      "a zip whose members' inspection is not one",
      edited((copy) => {
        copy.zips[0].inspection.status = 'clean';
      }),
    ],
    [
      'a link without a package id',
      edited((copy) => {
        copy.links[0].packageId = '';
      }),
    ],
    [
      'a link with a bad file count',
      edited((copy) => {
        copy.links[0].files = -2;
      }),
    ],
    [
      'a link with an extra field',
      edited((copy) => {
        copy.links[0].url = 'https://x';
      }),
    ],
    ['a __proto__ key', JSON.parse('{"zips":[],"links":[],"__proto__":{"zips":[]}}')],
    ['more than 1000 zips', { zips: Array.from({ length: 1001 }, () => STATE.zips[0]), links: [] }],
  ])('%s is refused', (_, value) => {
    expect(parseProtectionState(value)).toBeNull();
  });
});
