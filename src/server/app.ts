import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { installApiHygiene } from './api-hygiene/install.js';
import { DEFAULT_BODY_LIMIT_BYTES } from './api-hygiene/limits-config.js';
import { loggerOptions } from './api-hygiene/log-redaction.js';
import { installAuthentication } from './auth/authentication.js';
import { authConfigRoutes } from './auth/auth-config-route.js';
import { meRoutes } from './auth/me-route.js';
import type { ServerConfig } from './config.js';
import type { ApprovalPublicJwk } from '../protocol/index.js';
import { installErrorHandlers } from './error-handler.js';
import { shouldCatchMail } from './mail/catcher-activation.js';
import { caughtApprovalMailer, caughtCodeMailer, mailCatcher } from './mail/mail-catcher.js';
import { composeLaunchEventScript, readHandlerBundle, readHandlerSourceMap, type LaunchEventScript } from './launchevent-script.js';
import type { PublishedPolicy } from './policy-file.js';
import { PolicyStore, type ReloadOutcome } from './policy-store.js';
import { requestLogController } from './request-log.js';
import { watchFile } from './policy-watch.js';
import { adminPolicyRoutes } from './routes/admin-policy.js';
import { approvalRoutes } from './routes/approvals.js';
import { auditRoutes } from './routes/audit.js';
import { builtPageRoutes } from './routes/built-pages.js';
import { devMailRoutes } from './routes/dev-mail.js';
import { healthRoutes } from './routes/health.js';
import { linkRoutes } from './routes/links.js';
import { launchEventRoutes } from './routes/launchevent.js';
import { policyRoutes } from './routes/policy.js';
import { protectZipRoutes } from './routes/protect-zip.js';
import { staticFileRoutes } from './routes/static-files.js';
import { wellKnownRoutes } from './routes/well-known.js';
import { securityHeaders } from './security-headers.js';
import { DEFAULT_SERVER_TIMEOUTS, fastifyTimeoutOptions, nodeServerTimeoutOptions } from './server-timeouts.js';
import { memoryPolicyVersions } from './storage/memory-policy-versions.js';
import { openStorage } from './storage/open-storage.js';

export interface PreflightServer {
  /** The policy being served now: the active (newest) policy version. */
  policy(): PublishedPolicy;
  /** Re-reads the policy file: a changed good file becomes a new version, a bad one is logged, reported and ignored. */
  reloadPolicy(): Promise<ReloadOutcome>;
}

declare module 'fastify' {
  interface FastifyInstance {
    preflight: PreflightServer;
  }
}

export interface BuildOptions {
  /** Key and certificate (PEM) when the app itself terminates TLS. */
  readonly https?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Where log lines go instead of stdout (tests read them). */
  readonly logStream?: NodeJS.WritableStream;
}

/**
 * A ready Fastify app that has not started listening. Throws StartupError when the policy file is not
 * a valid policy or the add-in has not been built.
 */
export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = loggerOptions(config.logLevel, options.logStream);
  const timeouts = config.timeouts ?? DEFAULT_SERVER_TIMEOUTS;
  const common = {
    logger,
    logController: requestLogController(config.requestLogLevel ?? 'info'),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    ...fastifyTimeoutOptions(timeouts),
    ...(config.trustProxy === undefined ? {} : { trustProxy: [...config.trustProxy] }),
  };
  const nodeOptions = nodeServerTimeoutOptions(timeouts);
  const app =
    options.https === undefined
      ? Fastify({ ...common, http: nodeOptions })
      : Fastify({ ...common, https: { ...options.https, ...nodeOptions } });
  try {
    await assemble(app, config);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** A policy that asks for approval on a server that takes none stops that mail for good: say so loudly. */
function warnIfApprovalCannotWork(app: FastifyInstance, published: PublishedPolicy): void {
  if (published.policy.approval === null || app.approvals !== undefined) return;
  app.log.warn(
    'The policy asks for supervisor approval, but this server takes no approvals (secure-link mode is off: PREFLIGHT_DATA and the key-encryption keys, docs/protection.md). Mail that needs approval cannot be sent.',
  );
}

/** How often an instance sharing its database looks for a policy version another one added. */
const DEFAULT_POLICY_REFRESH_MS = 5_000;

async function assemble(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const storage = config.links === undefined ? undefined : await openStorage(config.links);
  // Added first, so it runs last: every other onClose hook may still use the store (Fastify runs them last-in, first-out).
  if (storage !== undefined) app.addHook('onClose', async () => storage.meta.close());
  const store = await PolicyStore.open(config.policyFile, storage?.meta ?? memoryPolicyVersions(), app.log);
  const bundle = await readHandlerBundle(config.distDirectory);
  // The approval key exists only once approvalRoutes has loaded it; the script is composed again then.
  let approvalKey: ApprovalPublicJwk | undefined;
  const compose = (published: PublishedPolicy): LaunchEventScript =>
    composeLaunchEventScript(config.publicOrigin, published.json, bundle, approvalKey);
  let script = compose(store.current);
  store.onChange((published) => {
    script = compose(published);
  });

  app.decorate('preflight', { policy: () => store.current, reloadPolicy: () => store.reload() });
  if (storage?.shared === true) {
    // Another instance's save or rollback reaches this one within the interval (docs/deploy.md).
    const timer = setInterval(() => {
      store.refresh().catch((error: unknown) => app.log.error({ err: error }, 'Policy refresh failed; the next run retries'));
    }, config.policyRefreshMs ?? DEFAULT_POLICY_REFRESH_MS);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));
  }
  if (config.watchPolicy) {
    const reload = (): void => {
      store.reload().catch((error: unknown) => app.log.error({ err: error }, 'Policy reload failed; still serving the last good policy'));
    };
    try {
      const stop = watchFile(config.policyFile, reload);
      app.addHook('onClose', async () => stop());
    } catch (error) {
      // Some hosts cap file watches (inotify limits); serving must not depend on them.
      app.log.warn({ err: error }, 'Cannot watch the policy file; restart the server to apply policy edits');
    }
  }

  installErrorHandlers(app);
  await app.register(helmet, securityHeaders(config));
  const refusedPerAddressPerMinute = config.rateLimits?.refusedPerAddressPerMinute;
  installAuthentication(app, {
    auth: config.auth,
    publicOrigin: config.publicOrigin,
    ...(refusedPerAddressPerMinute === undefined ? {} : { refusedPerAddressPerMinute }),
    ...(storage?.counters === undefined ? {} : { counters: storage.counters }),
  });
  await installApiHygiene(app, {
    publicOrigin: config.publicOrigin,
    ...(config.rateLimits === undefined ? {} : { rateLimits: config.rateLimits }),
    ...(storage?.counters === undefined ? {} : { counters: storage.counters }),
  });
  await app.register(staticFileRoutes, { distDirectory: config.distDirectory, assetsDirectory: config.assetsDirectory });
  await app.register(builtPageRoutes, { distDirectory: config.distDirectory });
  await app.register(launchEventRoutes, { script: () => script, sourceMap: await readHandlerSourceMap(config.distDirectory) });
  await app.register(policyRoutes, { policy: () => store.current, publicOrigin: config.publicOrigin });
  await app.register(wellKnownRoutes, { publicOrigin: config.publicOrigin });
  await app.register(healthRoutes, { policy: () => ({ etag: store.current.etag, version: store.activeVersion, file: store.fileState }) });
  await app.register(meRoutes);
  await app.register(authConfigRoutes, { auth: config.auth, publicOrigin: config.publicOrigin });
  await app.register(adminPolicyRoutes, { store });
  // Development without a relay: mail goes to memory and the playground shows it (docs/playground.md).
  const catcher = shouldCatchMail({ auth: config.auth, publicOrigin: config.publicOrigin, smtp: config.links?.smtp })
    ? mailCatcher()
    : undefined;
  await app.register(devMailRoutes, { catcher, developmentToken: config.auth?.developmentToken?.token });
  await app.register(linkRoutes, {
    config: config.links,
    ...(storage === undefined ? {} : { storage }),
    ...(catcher === undefined ? {} : { mailer: caughtCodeMailer(catcher) }),
    publicOrigin: config.publicOrigin,
    linkPolicy: () => store.current.policy.attachments.protection.link,
  });
  await app.register(approvalRoutes, {
    links: config.links,
    ...(catcher === undefined ? {} : { mailer: caughtApprovalMailer(catcher) }),
    publicOrigin: config.publicOrigin,
    ...(config.approvals === undefined ? {} : { settings: config.approvals }),
  });
  approvalKey = app.approvals?.context.signingKey.publicJwk;
  await app.register(auditRoutes, { links: config.links, policy: () => store.current.policy });
  warnIfApprovalCannotWork(app, store.current);
  store.onChange((published) => warnIfApprovalCannotWork(app, published));
  script = compose(store.current);
  await app.register(protectZipRoutes, config);
  await app.ready();
}
