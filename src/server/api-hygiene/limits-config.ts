import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits.js';

/** Fastify's default; routes that take uploads set their own `bodyLimit`. */
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;

function perMinute(name: string, text: string | undefined, fallback: number, problems: string[]): number {
  if (text === undefined) return fallback;
  const count = /^\d{1,6}$/.test(text) ? Number(text) : 0;
  if (count < 1) problems.push(`${name} must be a number of requests a minute from 1 to 999999, not ${JSON.stringify(text)}`);
  return count;
}

/**
 * Reads PREFLIGHT_RATE_LIMIT_USER, PREFLIGHT_RATE_LIMIT_LINK and PREFLIGHT_RATE_LIMIT_REFUSED (requests a
 * minute); undefined when none is set.
 */
export function readRateLimitEnvironment(env: Readonly<Record<string, string | undefined>>): {
  readonly rateLimits?: RateLimits;
  readonly problems: readonly string[];
} {
  const problems: string[] = [];
  const user = env['PREFLIGHT_RATE_LIMIT_USER']?.trim() || undefined;
  const link = env['PREFLIGHT_RATE_LIMIT_LINK']?.trim() || undefined;
  const refused = env['PREFLIGHT_RATE_LIMIT_REFUSED']?.trim() || undefined;
  if (user === undefined && link === undefined && refused === undefined) return { problems };
  return {
    rateLimits: {
      perUserPerMinute: perMinute('PREFLIGHT_RATE_LIMIT_USER', user, DEFAULT_RATE_LIMITS.perUserPerMinute, problems),
      perLinkPerMinute: perMinute('PREFLIGHT_RATE_LIMIT_LINK', link, DEFAULT_RATE_LIMITS.perLinkPerMinute, problems),
      ...(refused === undefined
        ? {}
        : {
            refusedPerAddressPerMinute: perMinute(
              'PREFLIGHT_RATE_LIMIT_REFUSED',
              refused,
              DEFAULT_RATE_LIMITS.refusedPerAddressPerMinute,
              problems,
            ),
          }),
    },
    problems,
  };
}
