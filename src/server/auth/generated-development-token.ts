// `npm start` on this machine with no sign-in configured: a random development token made at start, so
// Protect attachments works in the playground out of the box (docs/api.md, "The development token").
import { randomBytes } from 'node:crypto';
import { isLoopbackHost, isLoopbackOrigin } from '../loopback.js';
import type { AuthConfig } from './auth-config.js';

export interface GeneratedTokenFacts {
  /** HOST: where the server listens. */
  readonly host: string;
  readonly publicOrigin: string;
  /** What PREFLIGHT_ENTRA_* and PREFLIGHT_DEV_TOKEN configured; any of it wins over a generated token. */
  readonly auth: AuthConfig | undefined;
  /** PREFLIGHT_DEV_TOKEN=off: the developer asked for no development token at all. */
  readonly refused: boolean;
  /** PREFLIGHT_TLS=off or PREFLIGHT_TRUST_PROXY: a proxy is in front, which may carry other machines' requests to loopback. */
  readonly behindProxy: boolean;
}

/**
 * Only with nothing configured, a loopback bind, no proxy in front and a localhost public origin: then
 * nobody but this machine can reach the server, and nobody but a page of this origin can read the token
 * (auth-config-route.ts). A server anyone else can reach never gets one.
 */
export function mayGenerateDevelopmentToken(facts: GeneratedTokenFacts): boolean {
  return (
    !facts.refused && !facts.behindProxy && facts.auth === undefined && isLoopbackHost(facts.host) && isLoopbackOrigin(facts.publicOrigin)
  );
}

/** 256 random bits; held in memory only and gone when the process stops, never written to disk. */
export function randomDevelopmentToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The sign-in configuration a generated token gives: the development user, no Entra ID. */
export function generatedDevelopmentAuth(token: string): AuthConfig {
  return { developmentToken: { token, forced: false, generated: true }, admins: [] };
}
