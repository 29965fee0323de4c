import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthConfig } from './auth-config.js';
import type { AuthenticatedUser } from './user.js';

/** Who the development token signs in as: an administrator, so every screen can be tried locally. */
export const DEVELOPMENT_USER: AuthenticatedUser = {
  id: 'development:developer',
  tenantId: 'development',
  email: 'developer@localhost',
  name: 'Development user',
  isAdmin: true,
};

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison, so response timing does not reveal how much of the token was right. */
export function matchesDevelopmentToken(candidate: string, token: string): boolean {
  return timingSafeEqual(digest(candidate), digest(token));
}

/** The warning printed under the start banner while the development token is accepted; null otherwise. */
export function developmentTokenWarning(auth: AuthConfig | undefined, publicOrigin: string): string | null {
  if (auth?.developmentToken === undefined) return null;
  const rule = '!'.repeat(78);
  if (auth.developmentToken.generated === true) {
    return [
      rule,
      '!! DEVELOPMENT MODE: no sign-in is configured, so the API accepts a token generated at start',
      `!! (in memory only) from pages of ${publicOrigin}, as ${DEVELOPMENT_USER.email}, an administrator.`,
      '!! Without PREFLIGHT_SMTP_HOST its mail is kept in memory; the playground shows it (docs/playground.md).',
      '!! PREFLIGHT_DEV_TOKEN=off turns it off; Entra ID replaces it (docs/api.md).',
      rule,
      '',
    ].join('\n');
  }
  return [
    rule,
    '!! DEVELOPMENT MODE: the API accepts the fixed token from PREFLIGHT_DEV_TOKEN.',
    `!! Anyone who sends it to ${publicOrigin} acts as ${DEVELOPMENT_USER.email}, an administrator.`,
    ...(auth.developmentToken.forced ? ['!! PREFLIGHT_DEV_TOKEN_FORCE is set: this is allowed on a non-localhost origin.'] : []),
    '!! Never use it in production: unset PREFLIGHT_DEV_TOKEN and configure Entra ID (docs/api.md).',
    rule,
    '',
  ].join('\n');
}
