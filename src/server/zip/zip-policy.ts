import type { Policy } from '../../policy/index.js';

/** Whether the organisation lets users pick ZipCrypto: the policy key attachments.protection.allowZipCrypto (default false). */
export function zipCryptoAllowed(policy: Policy): boolean {
  return policy.attachments.protection.allowZipCrypto;
}
