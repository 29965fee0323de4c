import { domainOfAddress, isWithinDomain, normalizeAddress, toAsciiDomain } from './domain.js';

/**
 * An entry of `blockedRecipients` / `attentionRecipients` in normal form: an address (`a@b.jp`, local part
 * folded, domain in ASCII) or a domain (`b.jp`, covering its subdomains). A leading `@` marks a domain,
 * as in FlexConfirmMail's lists. `*` is legal in a local part but here it would be a wildcard the
 * admin expects to work, so it is refused. Null when the entry is neither.
 */
export function normalizeRecipientEntry(entry: string): string | null {
  const text = entry.normalize('NFKC').trim();
  if (text.includes('*')) return null;
  if (text.startsWith('@')) return toAsciiDomain(text.slice(1));
  return text.includes('@') ? normalizeAddress(text) : toAsciiDomain(text);
}

/** True when a normalised entry names this address (normalised) or a domain that covers its domain. */
export function matchesRecipientEntry(entry: string, address: string | null): boolean {
  if (address === null) return false;
  if (entry.includes('@')) return entry === address;
  const domain = domainOfAddress(address);
  return domain !== null && isWithinDomain(domain, entry);
}
