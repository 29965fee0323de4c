import { describe, expect, it } from 'vitest';
import { completeLinksPath, parseCompletedLinks, parseCreatedLinks, parseMyLinks, revokeLinksPath } from '../../src/protocol/index.js';

const CREATED = {
  id: 'pkg12345',
  expiresAt: '2026-11-29T09:00:00.000Z',
  files: [{ id: 'file1234', name: 'a.pdf', size: 3, uploadPath: '/api/links/pkg12345/files/file1234' }],
};
const COMPLETED = {
  id: 'pkg12345',
  expiresAt: '2026-11-29T09:00:00.000Z',
  links: [{ recipient: 'hanako@partner.example', url: 'https://preflight.example/d/AbC_-1' }],
};
const SUMMARY = {
  id: 'pkg12345',
  owner: 'u1',
  ownerEmail: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  expiresAt: '2026-11-29T09:00:00.000Z',
  status: 'active',
  revokedAt: null,
  maxDownloads: 3,
  requireCode: true,
  files: [{ id: 'f', name: 'a.pdf', size: 3 }],
  recipients: [{ id: 'r', address: 'hanako@partner.example', downloads: 1, locked: false }],
};

describe('secure-link protocol', () => {
  it('reads the answers the server gives', () => {
    expect(parseCreatedLinks(CREATED)).toEqual(CREATED);
    expect(parseCompletedLinks(COMPLETED)).toEqual(COMPLETED);
    expect(parseMyLinks({ links: [SUMMARY] })).toEqual([
      {
        id: 'pkg12345',
        createdAt: SUMMARY.createdAt,
        expiresAt: SUMMARY.expiresAt,
        status: 'active',
        files: [{ name: 'a.pdf', size: 3 }],
        recipients: [{ address: 'hanako@partner.example', downloads: 1, locked: false }],
      },
    ]);
  });

  it.each([
    ['no files', { ...CREATED, files: [] }],
    ['an upload path elsewhere', { ...CREATED, files: [{ ...CREATED.files[0], uploadPath: 'https://evil.example/x' }] }],
    ['a bad expiry', { ...CREATED, expiresAt: 'soon' }],
    ['a negative size', { ...CREATED, files: [{ ...CREATED.files[0], size: -1 }] }],
  ])('refuses a created package with %s', (_label, value) => {
    expect(parseCreatedLinks(value)).toBeNull();
  });

  it.each([
    ['no links', { ...COMPLETED, links: [] }],
    ['a script URL', { ...COMPLETED, links: [{ recipient: 'a@b.example', url: 'javascript:alert(1)' }] }],
    [
      'a URL that breaks out of an attribute',
      { ...COMPLETED, links: [{ recipient: 'a@b.example', url: 'https://x.example/"onmouseover=' }] },
    ],
  ])('refuses completed links with %s', (_label, value) => {
    expect(parseCompletedLinks(value)).toBeNull();
  });

  it('refuses a list with an unknown status, and encodes ids into paths', () => {
    expect(parseMyLinks({ links: [{ ...SUMMARY, status: 'paused' }] })).toBeNull();
    expect(parseMyLinks([])).toBeNull();
    expect(completeLinksPath('a/b')).toBe('/api/links/a%2Fb/complete');
    expect(revokeLinksPath('pkg12345')).toBe('/api/links/pkg12345/revoke');
  });
});
