import type { FastifyInstance } from 'fastify';
import { loadKeyring } from '../crypto/keyring-source.js';
import type { LinkPolicy } from '../links/create-request.js';
import type { LinkConfig } from '../links/link-config.js';
import type { LinkContext } from '../links/link-context.js';
import { purgeOnce, startPurgeJob, type PurgeReport } from '../links/purge-job.js';
import { smtpCodeMailer, type CodeMailer } from '../mail/code-mailer.js';
import { openEmbeddedStorage, type Storage } from '../storage/open-storage.js';
import { linkApiRoutes } from './links-api.js';
import { recipientRoutes } from './links-recipient.js';

export interface SecureLinks {
  readonly context: LinkContext;
  /** One purge run now (the job also runs on its interval). */
  purgeOnce(): Promise<PurgeReport>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when secure-link mode is configured. */
    secureLinks?: SecureLinks;
  }
}

export interface LinkRouteOptions {
  /** Undefined: secure-link mode is off and no route is added. */
  readonly config: LinkConfig | undefined;
  readonly publicOrigin: string;
  /** The policy's link settings as they are now (attachments.protection.link). */
  readonly linkPolicy: () => LinkPolicy;
  /** The clock (tests move it). */
  readonly now?: () => number;
  /** Replaces the SMTP mailer built from the configuration. */
  readonly mailer?: CodeMailer | null;
  /** Run the purge job on its interval (default true). */
  readonly purgeJob?: boolean;
  /**
   * The store opened by the caller, who also closes it (buildApp, because policy versions live there
   * too); absent: opened and closed here.
   */
  readonly storage?: Storage;
}

/**
 * Secure-link mode: opens the embedded store unless given one (cleaning what a crash left), loads the
 * keys, and adds the sender API and the recipient pages. Not encapsulated, so `app.secureLinks` is visible to the app.
 */
export async function linkRoutes(app: FastifyInstance, options: LinkRouteOptions): Promise<void> {
  const { config } = options;
  if (config === undefined) return;
  const keyring = await loadKeyring(config.keyring, { warn: (message) => app.log.warn(message) });
  const storage = options.storage ?? (await openEmbeddedStorage(config.dataDirectory));
  const ownsStorage = options.storage === undefined;
  const mailer = options.mailer !== undefined ? options.mailer : config.smtp === null ? null : smtpCodeMailer(config.smtp);
  const context: LinkContext = {
    storage,
    keyring,
    limits: config.limits,
    now: options.now ?? Date.now,
    mailer,
    publicOrigin: options.publicOrigin,
  };
  const stop = options.purgeJob === false ? async () => undefined : startPurgeJob(context, app.log);
  app.addHook('onClose', async () => {
    await stop();
    mailer?.close();
    if (ownsStorage) await storage.meta.close();
  });
  app.decorate('secureLinks', { context, purgeOnce: () => purgeOnce(context) });
  await app.register(linkApiRoutes, { context, linkPolicy: options.linkPolicy });
  await app.register(recipientRoutes, { context });
}

// Fastify reads this symbol to skip encapsulation (what fastify-plugin sets).
Object.assign(linkRoutes, { [Symbol.for('skip-override')]: true });
