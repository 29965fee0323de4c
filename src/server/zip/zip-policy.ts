/**
 * Whether the organisation lets users pick ZipCrypto. The policy key `attachments.protection.allowZipCrypto`
 * (boolean) decides once the policy carries it; until then the server setting does.
 */
export function zipCryptoAllowed(policyDocument: unknown, serverSetting: boolean): boolean {
  const attachments = field(policyDocument, 'attachments');
  const allowed = field(field(attachments, 'protection'), 'allowZipCrypto');
  return typeof allowed === 'boolean' ? allowed : serverSetting;
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
