import { X509Certificate } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateServes, developmentCertificate, type DevelopmentCertificate } from '../../src/server/dev-certificate.js';

const DAY = 24 * 60 * 60 * 1000;
const HOSTS = ['localhost', '127.0.0.1'];
const base = mkdtempSync(join(tmpdir(), 'preflight-certs-'));
const generatedDirectory = join(base, 'generated');
let generated: DevelopmentCertificate;

beforeAll(async () => {
  generated = await developmentCertificate({ directory: generatedDirectory, trustedDirectory: null }, HOSTS, new Date());
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('developmentCertificate', () => {
  it('generates a CA, a certificate for localhost and 127.0.0.1, and a private key only its owner reads', () => {
    expect(generated.source).toBe('generated');
    const certificate = new X509Certificate(generated.cert);
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.verify(new X509Certificate(readFileSync(join(generatedDirectory, 'ca.crt'))).publicKey)).toBe(true);
    expect(new Date(certificate.validTo).getTime() - Date.now()).toBeGreaterThan(300 * DAY);
    expect(statSync(join(generatedDirectory, 'localhost.key')).mode & 0o077).toBe(0);
  });

  it('reuses a valid certificate instead of making a new CA', async () => {
    const again = await developmentCertificate({ directory: generatedDirectory, trustedDirectory: null }, HOSTS, new Date());
    expect([again.source, again.cert]).toEqual(['reused', generated.cert]);
  });

  it('prefers the certificate office-addin-dev-certs installed and trusted', async () => {
    const trustedDirectory = join(base, 'trusted');
    mkdirSync(trustedDirectory);
    for (const name of ['ca.crt', 'localhost.crt', 'localhost.key']) cpSync(join(generatedDirectory, name), join(trustedDirectory, name));
    const chosen = await developmentCertificate({ directory: join(base, 'unused'), trustedDirectory }, HOSTS, new Date());
    expect([chosen.source, chosen.certificateFile]).toEqual(['trusted', join(trustedDirectory, 'localhost.crt')]);
  });

  it('passes over a trusted certificate that does not name the public host', async () => {
    const chosen = await developmentCertificate(
      { directory: generatedDirectory, trustedDirectory: join(base, 'trusted') },
      [...HOSTS, 'preflight.test'],
      new Date(),
    );
    expect(chosen.source).toBe('generated');
    expect(new X509Certificate(chosen.cert).checkHost('preflight.test')).toBe('preflight.test');
  });
});

describe('certificateServes', () => {
  const validTo = (): number => new Date(new X509Certificate(generated.cert).validTo).getTime();

  it.each([
    ['now', () => new Date(), HOSTS, true],
    ['eight days before it expires', () => new Date(validTo() - 8 * DAY), HOSTS, true],
    ['six days before it expires', () => new Date(validTo() - 6 * DAY), HOSTS, false],
    ['before it is valid', () => new Date(Date.now() - 2 * DAY), HOSTS, false],
    ['for a host it does not name', () => new Date(), ['intranet.example'], false],
  ])('%s', (_when, now, hosts, expected) => {
    expect(certificateServes(generated.cert, hosts, now())).toBe(expected);
  });

  it('rejects text that is not a certificate', () => {
    const file = join(base, 'garbage.crt');
    writeFileSync(file, 'not a certificate');
    expect(certificateServes(readFileSync(file, 'utf8'), HOSTS, new Date())).toBe(false);
  });
});
