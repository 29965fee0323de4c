// Creation without a mail relay, and the body size bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadApprovalSigningKey } from '../../../src/server/approvals/signing-key.js';
import { fileKeyStore } from '../../../src/server/storage/key-store.js';
import { parseKeyring } from '../../../src/server/crypto/keyring.js';
import { buildApp } from '../../../src/server/app.js';
import { GOOD_POLICY, logCapture, workspace } from '../fixtures.js';
import { KEK } from '../links/harness.js';
import { DEV_TOKEN, startApprovalApp, type ApprovalApp } from './approval-app.js';

const QUIET = { info: () => undefined, warn: () => undefined };

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let harness: ApprovalApp | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function body(text: string): Record<string, unknown> {
  return {
    fingerprint: 'a1b2c3d4e5f60718',
    approvers: ['boss@example.co.jp'],
    expiresHours: 4,
    content: { from: 'developer@localhost', to: ['a@partner.example'], subject: 's', textBody: text },
  };
}

describe('approval limits', () => {
  it('creates the request without an SMTP relay and says mailed: false', async () => {
    harness = await startApprovalApp({ smtp: false });
    const created = await harness.call('POST', '/api/approvals', DEV_TOKEN, body('hello'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'pending', mailed: false });
  });

  it('refuses a body larger than maxContentBytes allows (413), and logs none of its content', async () => {
    harness = await startApprovalApp({ settings: { maxContentBytes: 1024 } });
    const refused = await harness.call('POST', '/api/approvals', DEV_TOKEN, body('LOG-MARKER '.repeat(20_000)));
    expect(refused.status).toBe(413);
    expect((await harness.call('POST', '/api/approvals', DEV_TOKEN, body('small'))).status).toBe(201);
    expect(harness.logs.map((record) => JSON.stringify(record)).join('\n')).not.toContain('LOG-MARKER');
  });

  it('keeps one signing key in the data directory, sealed under the keyring', async () => {
    harness = await startApprovalApp();
    const served = (await harness.call('GET', '/api/approvals/public-key', DEV_TOKEN)).json as { key: unknown };
    const sameKeys = parseKeyring([`app-1:${KEK}`]);
    const otherKeys = parseKeyring([`other:${Buffer.alloc(32, 9).toString('base64')}`]);
    if (!sameKeys.ok || !otherKeys.ok) throw new Error('bad test keyring');
    // What the next start would load: the same key, not a new one.
    expect((await loadApprovalSigningKey(fileKeyStore(harness.dataDirectory), sameKeys.keyring, QUIET)).publicJwk).toEqual(served.key);
    await expect(loadApprovalSigningKey(fileKeyStore(harness.dataDirectory), otherKeys.keyring, QUIET)).rejects.toThrow(/cannot be opened/);
    const stored = readFileSync(join(harness.dataDirectory, 'keys', 'approval-signing.json'), 'utf8');
    expect(stored).not.toMatch(/"d"\s*:/);
  });
});

describe('a policy that asks for approval on a server that takes none', () => {
  it('is served, and the log says that mail needing approval cannot be sent', async () => {
    const files = workspace({ ...GOOD_POLICY, approval: { defaultApprovers: ['boss@example.co.jp'] } });
    const capture = logCapture();
    const app = await buildApp(files.config({ logLevel: 'warn' }), { logStream: capture.stream });
    try {
      expect(app.approvals).toBeUndefined();
      const warning = await capture.next((record) => record.msg.includes('supervisor approval'));
      expect(warning.msg).toContain('Mail that needs approval cannot be sent');
    } finally {
      await app.close();
      files.remove();
    }
  });
});
