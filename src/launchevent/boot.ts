import type { ApprovalPublicJwk } from '../protocol/index.js';
import type { Boot } from './dependencies.js';

// The server puts `var PREFLIGHT_BOOT = {"origin":…,"policy":…,"approvalKey":…};` before the bundle: classic Outlook's
// JS-only runtime has no location to learn the origin from (cross-part contract).
declare const PREFLIGHT_BOOT: unknown;

const NO_BOOT: Boot = { origin: null, policyDocument: null, approvalKey: null };

function approvalKeyOf(value: unknown): ApprovalPublicJwk | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kty, crv, x, y } = value as Record<string, unknown>;
  return kty === 'EC' && crv === 'P-256' && typeof x === 'string' && typeof y === 'string' ? { kty, crv, x, y } : null;
}

export function readBoot(): Boot {
  if (typeof PREFLIGHT_BOOT === 'undefined') return NO_BOOT;
  const boot: unknown = PREFLIGHT_BOOT;
  if (typeof boot !== 'object' || boot === null) return NO_BOOT;
  const origin: unknown = (boot as { origin?: unknown }).origin;
  const policy: unknown = (boot as { policy?: unknown }).policy;
  return {
    origin: typeof origin === 'string' && /^https?:\/\//i.test(origin) ? origin : null,
    policyDocument: policy ?? null,
    approvalKey: approvalKeyOf((boot as { approvalKey?: unknown }).approvalKey),
  };
}
