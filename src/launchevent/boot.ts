import { parseApprovalPublicJwk } from '../protocol/index.js';
import type { Boot } from './dependencies.js';

// The server puts `var PREFLIGHT_BOOT = {"origin":…,"policy":…,"approvalKey":…};` before the bundle: classic Outlook's
// JS-only runtime has no location to learn the origin from (cross-part contract).
declare const PREFLIGHT_BOOT: unknown;

const NO_BOOT: Boot = { origin: null, policyDocument: null, approvalKey: null };

export function readBoot(): Boot {
  if (typeof PREFLIGHT_BOOT === 'undefined') return NO_BOOT;
  const boot: unknown = PREFLIGHT_BOOT;
  if (typeof boot !== 'object' || boot === null) return NO_BOOT;
  const origin: unknown = (boot as { origin?: unknown }).origin;
  const policy: unknown = (boot as { policy?: unknown }).policy;
  return {
    origin: typeof origin === 'string' && /^https?:\/\//i.test(origin) ? origin : null,
    policyDocument: policy ?? null,
    approvalKey: parseApprovalPublicJwk((boot as { approvalKey?: unknown }).approvalKey),
  };
}
