import { normalizeAddress, toAsciiDomain } from './domain.js';

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
