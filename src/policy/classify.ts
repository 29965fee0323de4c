import { isWithinAny, normalAddress, normalizeAddress } from './domain.js';
import { remembered } from './remembered.js';
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

type DomainClass = { readonly internal: boolean; readonly trusted: boolean };

const OUTSIDE: DomainClass = { internal: false, trusted: false };

function classifyDomain(domain: string, policy: Policy): DomainClass {
  const internal = isWithinAny(domain, policy.internalDomains);
  return { internal, trusted: !internal && isWithinAny(domain, policy.trustedDomains) };
}

/**
 * Each policy's answers per domain, kept while the policy is: the pane evaluates the same policy again at
 * every change, and a thousand recipients come from a few dozen domains.
 */
const domainClasses = new WeakMap<Policy, (domain: string) => DomainClass>();

function domainClassesOf(policy: Policy): (domain: string) => DomainClass {
  let classOf = domainClasses.get(policy);
  if (classOf === undefined) {
    classOf = remembered((domain: string) => classifyDomain(domain, policy), 4096);
    domainClasses.set(policy, classOf);
  }
  return classOf;
}

/** A recipient without a usable address: its text, else its display name. */
function recipientIdentity(recipient: Recipient): string {
  const text = recipient.address.trim().toLowerCase();
  return text !== '' ? text : `name:${(recipient.name ?? '').trim().toLowerCase()}`;
}

function classifyWith(recipient: Recipient, field: RecipientField, classOf: (domain: string) => DomainClass): ClassifiedRecipient {
  const { normalized, domain } = normalAddress(recipient.address);
  const { internal, trusted } = domain === null ? OUTSIDE : classOf(domain);
  return {
    recipient,
    field,
    key: normalized ?? recipientIdentity(recipient),
    normalized,
    domain,
    internal,
    trusted,
    external: !internal,
  };
}

export function classifyRecipient(recipient: Recipient, field: RecipientField, policy: Policy): ClassifiedRecipient {
  return classifyWith(recipient, field, domainClassesOf(policy));
}

/** Every recipient in To, Cc, Bcc order; the same address twice in one field counts once. */
export function classifyRecipients(snapshot: MessageSnapshot, policy: Policy): ClassifiedRecipient[] {
  const classOf = domainClassesOf(policy);
  const classified: ClassifiedRecipient[] = [];
  for (const field of RECIPIENT_FIELDS) {
    const seen = new Set<string>();
    for (const recipient of snapshot[field]) {
      const entry = classifyWith(recipient, field, classOf);
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      classified.push(entry);
    }
  }
  return classified;
}
