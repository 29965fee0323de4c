import { normalAddress, normalizeAddress, type NormalAddress } from './domain.js';
import { listOutsideDomains, mailingListLookup, type ListLookup, type ListMatch } from './mailing-lists.js';
import { recipientListOf } from './recipient-list/policy-list.js';
import { keptPer, remembered } from './remembered.js';
import type { FindingTarget, MessageSnapshot, Policy, Recipient, RecipientField } from './types.js';

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
  /** The address is in internalDomains (docs/policy.md "Recipient lists"). */
  readonly internal: boolean;
  /** In trustedDomains (and not internal). */
  readonly trusted: boolean;
  /**
   * Mail to it may leave the organisation: not provably internal (a recipient without a valid domain
   * counts as external), or a list that reaches outside (outsideDomains).
   */
  readonly external: boolean;
  /** The `mailingLists` entry it matches (src/policy/mailing-lists.ts); null when none does. */
  readonly list: ListMatch | null;
  /**
   * Set only for a list that counts as outside because of its members: the outside domains mail to it
   * reaches (its own domain when that is outside, then its entries' `externalDomains`), or [] for a list
   * the policy does not name under `unknownLists: "treat-as-external"`. Null for everyone else.
   *
   * Why a separate field rather than folding lists into `internal`/`domain`: a list at an internal
   * address is still an internal address (look-alike, same-name and per-domain rules compare addresses,
   * and its domain must not count as an outside domain), while the mail itself goes outside (attachments,
   * personal data, protection, confirmation read `external`). So such a list is `internal` and `external`,
   * and what names the outside (the external-recipient finding, the pane, the dialog, audit) reads
   * outsideDomains, since its own domain is not one of them.
   */
  readonly outsideDomains: readonly string[] | null;
  /**
   * The recipient as findings name it (rules/rule.ts `recipientTarget`): made with the entry, so the
   * pane's evaluation at every change, which gets the same entries again, makes none anew.
   */
  readonly target: FindingTarget;
  /** Where the entry stands in the list classifyRecipients gave (0 from classifyRecipient). */
  readonly index: number;
}

export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

/** The key the pane uses too (src/taskpane/review-model.ts `recipientKey`), so both find the same row. */
export function recipientKeyOf(address: string): string {
  return normalizeAddress(address) ?? address.trim().toLowerCase();
}

type Standing = { readonly internal: boolean; readonly trusted: boolean };

const OUTSIDE: Standing = { internal: false, trusted: false };
const INSIDE: Standing = { internal: true, trusted: false };
const TRUSTED: Standing = { internal: false, trusted: true };

/** Internal beats trusted: an address both lists take is internal. */
function classOfIn(internal: boolean, trusted: boolean): Standing {
  if (internal) return INSIDE;
  return trusted ? TRUSTED : OUTSIDE;
}

/** The class of an address in normal form, from the two lists of docs/policy.md "Recipient lists". */
type ClassOf = (address: NormalAddress) => Standing;

function classifierOf(policy: Policy): ClassOf {
  const internal = recipientListOf(policy.internalDomains);
  const trusted = recipientListOf(policy.trustedDomains);
  const ofAddress = (address: NormalAddress): Standing => classOfIn(internal.firstMatch(address) >= 0, trusted.firstMatch(address) >= 0);
  if (!internal.byDomain || !trusted.byDomain) return ofAddress;
  // Most policies list domains only: then one answer per domain, as any address of it stands for all.
  const noDomain = ofAddress({ normalized: null, domain: null });
  const ofDomain = remembered((domain: string) => ofAddress({ normalized: `@${domain}`, domain }), 4096);
  return ({ domain }) => (domain === null ? noDomain : ofDomain(domain));
}

/**
 * Each policy's classifier, kept while the policy is: the pane evaluates the same policy again at every
 * change, and a thousand recipients come from a few dozen domains.
 */
const classifierFor = keptPer(classifierOf);

/** A recipient without a usable address: its text, else its display name. */
function recipientIdentity(recipient: Recipient): string {
  const text = recipient.address.trim().toLowerCase();
  return text !== '' ? text : `name:${(recipient.name ?? '').trim().toLowerCase()}`;
}

function classifyWith(
  recipient: Recipient,
  field: RecipientField,
  classOf: ClassOf,
  policy: Policy,
  listOf: ListLookup,
  index: number,
): ClassifiedRecipient {
  const address = normalAddress(recipient.address);
  const { normalized, domain } = address;
  const { internal, trusted } = classOf(address);
  const list = listOf(recipient.address, normalized, domain);
  const outsideDomains = listOutsideDomains(policy, recipient, list, internal, domain);
  return {
    recipient,
    field,
    key: normalized ?? recipientIdentity(recipient),
    normalized,
    domain,
    internal,
    trusted,
    external: !internal || outsideDomains !== null,
    list,
    outsideDomains,
    target: { kind: 'recipient', address: recipient.address, field },
    index,
  };
}

export function classifyRecipient(recipient: Recipient, field: RecipientField, policy: Policy): ClassifiedRecipient {
  return classifyWith(recipient, field, classifierFor(policy), policy, mailingListLookup(policy), 0);
}

/** The recipients last classified under a policy, field by field, and what they gave. */
interface LastClassified {
  readonly fields: readonly (readonly Recipient[])[];
  readonly entries: readonly ClassifiedRecipient[];
}

const lastClassified = new WeakMap<Policy, LastClassified>();

function sameRecipients(before: readonly Recipient[], now: readonly Recipient[]): boolean {
  if (before.length !== now.length) return false;
  for (let index = 0; index < now.length; index += 1) {
    const was = before[index] as Recipient;
    const is = now[index] as Recipient;
    if (was.address !== is.address || was.name !== is.name || was.type !== is.type) return false;
  }
  return true;
}

/**
 * Every recipient in To, Cc, Bcc order; the same address twice in one field counts once. The same
 * recipients as last time under the policy give the same entries: the pane evaluates again at every
 * change of the body, and the handler asks for its send controls too, and comparing a thousand
 * recipients in order costs less than looking each up again (docs/benchmarks.md "Policy evaluate").
 */
export function classifyRecipients(snapshot: MessageSnapshot, policy: Policy): readonly ClassifiedRecipient[] {
  const fields = RECIPIENT_FIELDS.map((field) => snapshot[field]);
  const last = lastClassified.get(policy);
  if (last !== undefined && fields.every((recipients, index) => sameRecipients(last.fields[index] ?? [], recipients))) return last.entries;
  const classOf = classifierFor(policy);
  const listOf = mailingListLookup(policy);
  const classified: ClassifiedRecipient[] = [];
  for (const field of RECIPIENT_FIELDS) {
    const seen = new Set<string>();
    for (const recipient of snapshot[field]) {
      const entry = classifyWith(recipient, field, classOf, policy, listOf, classified.length);
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      classified.push(entry);
    }
  }
  lastClassified.set(policy, { fields, entries: classified });
  return classified;
}

/** The outside domains mail to a recipient reaches, as far as the policy knows: its list's, else its own when outside. */
export function outsideDomainsOf(entry: ClassifiedRecipient): readonly string[] {
  if (entry.outsideDomains !== null) return entry.outsideDomains;
  return entry.internal || entry.domain === null ? [] : [entry.domain];
}
