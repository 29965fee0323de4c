import { isWithinAny, normalizeAddress } from './domain.js';
import type { MessageSnapshot, Policy, Recipient, RecipientField } from './types.js';

/** One recipient of one field, classified once for every rule. */
export interface ClassifiedRecipient {
  readonly recipient: Recipient;
  readonly field: RecipientField;
  /** Identifies the recipient within its field: the normalised address, else the text, else the display name. */
  readonly key: string;
  /** Local part folded, domain in ASCII; null when there is no usable SMTP address. */
  readonly normalized: string | null;
  /** ASCII form; null when there is no valid domain. */
  readonly domain: string | null;
  readonly internal: boolean;
  /** Within trustedDomains (and not internal). */
  readonly trusted: boolean;
  /** Not provably internal: a recipient without a valid domain counts as external. */
  readonly external: boolean;
}

export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

/** The key the pane uses too (src/taskpane/review-model.ts `recipientKey`), so both find the same row. */
export function recipientKeyOf(address: string): string {
  return normalizeAddress(address) ?? address.trim().toLowerCase();
}

function recipientIdentity(recipient: Recipient, normalized: string | null): string {
  const key = normalized ?? recipient.address.trim().toLowerCase();
  return key !== '' ? key : `name:${(recipient.name ?? '').trim().toLowerCase()}`;
}

type DomainClass = { readonly internal: boolean; readonly trusted: boolean };

function classifyDomain(domain: string | null, policy: Policy): DomainClass {
  const internal = domain !== null && isWithinAny(domain, policy.internalDomains);
  return { internal, trusted: domain !== null && !internal && isWithinAny(domain, policy.trustedDomains) };
}

function classifyWith(recipient: Recipient, field: RecipientField, policy: Policy, domainClass: (domain: string | null) => DomainClass): ClassifiedRecipient {
  const normalized = normalizeAddress(recipient.address);
  const domain = normalized === null ? null : normalized.slice(normalized.lastIndexOf('@') + 1);
  const { internal, trusted } = domainClass(domain);
  return {
    recipient,
    field,
    key: recipientIdentity(recipient, normalized),
    normalized,
    domain,
    internal,
    trusted,
    external: !internal,
  };
}

export function classifyRecipient(recipient: Recipient, field: RecipientField, policy: Policy): ClassifiedRecipient {
  return classifyWith(recipient, field, policy, (domain) => classifyDomain(domain, policy));
}

/**
 * Every recipient in To, Cc, Bcc order; the same address twice in one field counts once. Each distinct
 * domain is looked up in the policy's lists once: a thousand recipients come from a few dozen domains.
 */
export function classifyRecipients(snapshot: MessageSnapshot, policy: Policy): ClassifiedRecipient[] {
  const domains = new Map<string | null, DomainClass>();
  const domainClass = (domain: string | null): DomainClass => {
    let known = domains.get(domain);
    if (known === undefined) {
      known = classifyDomain(domain, policy);
      domains.set(domain, known);
    }
    return known;
  };
  const seen = new Set<string>();
  const classified: ClassifiedRecipient[] = [];
  for (const field of RECIPIENT_FIELDS) {
    for (const recipient of snapshot[field]) {
      const entry = classifyWith(recipient, field, policy, domainClass);
      const identity = `${field}:${entry.key}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      classified.push(entry);
    }
  }
  return classified;
}
