import type { AuthConfig } from '../auth/auth-config.js';
import { isLoopbackOrigin } from '../loopback.js';
import type { SmtpConfig } from './code-mailer.js';

export interface CatcherFacts {
  readonly auth: AuthConfig | undefined;
  readonly publicOrigin: string;
  /** The relay (PREFLIGHT_SMTP_*), null or absent when none is configured. */
  readonly smtp: SmtpConfig | null | undefined;
}

/**
 * Mail is caught instead of sent only on a development server: the development token is accepted on a
 * localhost origin and no relay is configured. A real server without a relay keeps refusing what needs
 * mail (docs/protection.md): a catcher nobody can read there would swallow codes silently.
 */
export function shouldCatchMail(facts: CatcherFacts): boolean {
  return (facts.smtp ?? null) === null && facts.auth?.developmentToken !== undefined && isLoopbackOrigin(facts.publicOrigin);
}
