import { X509Certificate } from 'node:crypto';
import { chmod, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { StartupError } from './startup-error.js';

export interface DevelopmentCertificate {
  readonly key: string;
  readonly cert: string;
  readonly certificateFile: string;
  /** `trusted`: the one `npx office-addin-dev-certs install` made and trusted; otherwise generated here. */
  readonly source: 'trusted' | 'reused' | 'generated';
  readonly caFile: string | null;
}

export interface CertificateLocations {
  /** Where generated certificates live (`.data/certs`, ignored by git). */
  readonly directory: string;
  /** `~/.office-addin-dev-certs`, used when it holds a valid certificate for every host; null to skip. */
  readonly trustedDirectory: string | null;
}

const VALIDITY_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

interface Pair {
  readonly cert: string;
  readonly key: string;
}

async function readPair(directory: string): Promise<Pair | null> {
  try {
    const [cert, key] = await Promise.all([
      readFile(join(directory, 'localhost.crt'), 'utf8'),
      readFile(join(directory, 'localhost.key'), 'utf8'),
    ]);
    return { cert, key };
  } catch {
    return null;
  }
}

/** Valid for at least another week and names every host the server is reached by. */
export function certificateServes(pem: string, hosts: readonly string[], now: Date): boolean {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return false;
  }
  if (new Date(certificate.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
  if (new Date(certificate.validFrom).getTime() > now.getTime()) return false;
  return hosts.every((host) => (isIP(host) === 0 ? certificate.checkHost(host) : certificate.checkIP(host)) !== undefined);
}

/**
 * A certificate for https://localhost without sudo or prompts: office-addin-dev-certs' generator only
 * (its install step needs an administrator, so the developer runs it once on their own machine).
 */
export async function developmentCertificate(
  locations: CertificateLocations,
  hosts: readonly string[],
  now: Date,
): Promise<DevelopmentCertificate> {
  if (locations.trustedDirectory !== null) {
    const trusted = await readPair(locations.trustedDirectory);
    if (trusted !== null && certificateServes(trusted.cert, hosts, now)) {
      const caFile = join(locations.trustedDirectory, 'ca.crt');
      return { ...trusted, certificateFile: join(locations.trustedDirectory, 'localhost.crt'), source: 'trusted', caFile };
    }
  }
  const directory = locations.directory;
  const files = {
    ca: join(directory, 'ca.crt'),
    cert: join(directory, 'localhost.crt'),
    key: join(directory, 'localhost.key'),
  };
  const existing = await readPair(directory);
  if (existing !== null && certificateServes(existing.cert, hosts, now)) {
    return { ...existing, certificateFile: files.cert, source: 'reused', caFile: files.ca };
  }
  let generateCertificates: (ca: string, cert: string, key: string, days: number, domains: string[]) => Promise<void>;
  try {
    ({ generateCertificates } = await import('office-addin-dev-certs'));
  } catch {
    throw new StartupError('bad-certificate', 'No TLS certificate: office-addin-dev-certs (a development dependency) is not installed.', [
      'Run `npm ci` for development, or set PREFLIGHT_TLS_CERT and PREFLIGHT_TLS_KEY (or PREFLIGHT_TLS=off behind a TLS proxy).',
    ]);
  }
  // The generator keeps an existing CA file and writes nothing, so an expired set is removed first.
  await Promise.all(Object.values(files).map((file) => rm(file, { force: true })));
  await generateCertificates(files.ca, files.cert, files.key, VALIDITY_DAYS, [...hosts]);
  await chmod(files.key, 0o600);
  const generated = await readPair(directory);
  if (generated === null) throw new StartupError('bad-certificate', `Could not write a development certificate to ${directory}.`);
  return { ...generated, certificateFile: files.cert, source: 'generated', caFile: files.ca };
}
