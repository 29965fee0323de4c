import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.js';
import type { ListenOptions, ServerConfig, TlsSource } from './config.js';
import { developmentCertificate, type CertificateLocations, type DevelopmentCertificate } from './dev-certificate.js';
import { readHandlerBundle } from './launchevent-script.js';
import { loadStartupPolicy } from './policy-store.js';
import { StartupError } from './startup-error.js';
import { hasStoredPolicy } from './storage/open-storage.js';

export interface StartOptions {
  readonly server: ServerConfig;
  readonly listen: ListenOptions;
  readonly tls: TlsSource;
  readonly certificates: CertificateLocations;
  readonly logStream?: NodeJS.WritableStream;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** Where this process listens, e.g. https://127.0.0.1:53122 (the public origin may differ). */
  readonly listeningUrl: string;
  readonly certificate: DevelopmentCertificate | null;
}

async function readTlsFiles(certificateFile: string, keyFile: string): Promise<{ cert: string; key: string }> {
  try {
    const [cert, key] = await Promise.all([readFile(certificateFile, 'utf8'), readFile(keyFile, 'utf8')]);
    return { cert, key };
  } catch (error) {
    throw new StartupError('bad-certificate', `Cannot read the TLS certificate or key: ${(error as Error).message}`, [
      `PREFLIGHT_TLS_CERT=${certificateFile}`,
      `PREFLIGHT_TLS_KEY=${keyFile}`,
    ]);
  }
}

function certificateHosts(config: ServerConfig): string[] {
  const publicHost = new URL(config.publicOrigin).hostname.replace(/^\[(.*)\]$/, '$1');
  return [...new Set(['localhost', '127.0.0.1', publicHost])];
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  // Cheap refusals first: no certificate is made for a server that will not start. A stored policy
  // version stands in for a bad file (docs/admin.md, "Policy versions").
  await loadStartupPolicy(options.server.policyFile).catch(async (error: unknown) => {
    const links = options.server.links;
    if (links === undefined || !(await hasStoredPolicy(links.dataDirectory))) throw error;
  });
  await readHandlerBundle(options.server.distDirectory);
  let https: BuildOptions['https'];
  let certificate: DevelopmentCertificate | null = null;
  if (options.tls.kind === 'files') {
    https = await readTlsFiles(options.tls.certificateFile, options.tls.keyFile);
  } else if (options.tls.kind === 'development') {
    certificate = await developmentCertificate(options.certificates, certificateHosts(options.server), new Date());
    https = { cert: certificate.cert, key: certificate.key };
  }
  const app = await buildApp(options.server, {
    ...(https === undefined ? {} : { https }),
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
  });
  try {
    await app.listen({ host: options.listen.host, port: options.listen.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new StartupError('bad-environment', `Cannot listen on ${options.listen.host}:${options.listen.port} (${code}).`, [
        code === 'EADDRINUSE'
          ? 'Another program uses this port: stop it or set PORT.'
          : 'Choose a port above 1023 or run with the right to bind it.',
      ]);
    }
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { app, listeningUrl: `${https === undefined ? 'http' : 'https'}://${host}:${address.port}`, certificate };
}
