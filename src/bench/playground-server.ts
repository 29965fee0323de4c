// The real server over the built dist/ on 127.0.0.1 with the development certificate, and Debian
// Chromium beside it: how the playground benchmark and the browser tests both run the add-in.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../server/app.js';
import type { EntraSettings } from '../server/auth/auth-config.js';
import { developmentCertificate } from '../server/dev-certificate.js';
import { DEFAULT_LINK_LIMITS } from '../server/links/link-limits.js';
import type { SmtpConfig } from '../server/mail/code-mailer.js';
import { freePort } from './free-port.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PlaygroundServer {
  readonly app: Awaited<ReturnType<typeof buildApp>>;
  readonly browser: Browser;
  readonly origin: string;
  readonly port: number;
  /** Where the server keeps what it stores (links.sqlite, blobs/), removed on close. */
  readonly dataDirectory: string;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/** A fixed development token: the server is on 127.0.0.1 and stops with the run. */
const PLAYGROUND_TOKEN = 'playground-development-token';

export interface PlaygroundServerOptions {
  /** The relay for one-time codes (a local catcher in tests); none: links that need a code are refused. */
  readonly smtp?: SmtpConfig;
  /**
   * Entra ID beside the development token, so a test can act as more than one user: the page signs in
   * with the development token (no client id, so /api/auth-config stays `development`), other users call
   * the API with tokens the test signs (test/server/support/identity.ts).
   */
  readonly entra?: EntraSettings;
}

export async function startPlaygroundServer(
  root: string,
  policyFile: string,
  options: PlaygroundServerOptions = {},
): Promise<PlaygroundServer> {
  // Secure links keep their encrypted files and keys in a throwaway directory removed on close.
  const linkData = await mkdtemp(join(tmpdir(), 'preflight-playground-links-'));
  // One certificate for all runs: generating a key pair is the slowest part of starting.
  const certificates = join(tmpdir(), 'preflight-test-certificates');
  await mkdir(certificates, { recursive: true });
  const certificate = await developmentCertificate(
    { directory: certificates, trustedDirectory: null },
    ['127.0.0.1', 'localhost'],
    new Date(),
  );
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const app = await buildApp(
    {
      publicOrigin: origin,
      policyFile,
      distDirectory: join(root, 'dist'),
      assetsDirectory: join(root, 'assets'),
      watchPolicy: false,
      frameAncestors: ["'self'"],
      logLevel: 'silent',
      // The playground's pane protects attachments with the development token, which only a loopback server hands out.
      auth: {
        developmentToken: { token: PLAYGROUND_TOKEN, forced: false },
        admins: [],
        ...(options.entra === undefined ? {} : { entra: options.entra }),
      },
      links: {
        dataDirectory: linkData,
        keyring: { kind: 'generated', dataDirectory: linkData },
        smtp: options.smtp ?? null,
        limits: DEFAULT_LINK_LIMITS,
      },
    },
    { https: { key: certificate.key, cert: certificate.cert } },
  );
  try {
    await app.listen({ host: '127.0.0.1', port });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
    return {
      app,
      browser,
      origin,
      port,
      dataDirectory: linkData,
      async close() {
        await browser.close();
        await app.close();
        await rm(linkData, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    await rm(linkData, { recursive: true, force: true });
    throw error;
  }
}
