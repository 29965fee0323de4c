// What Outlook's address book would say about an address an add-in or the user adds: its display name
// and recipientType. The playground's "organisation" is the policy's internal domains.
import { domainOfAddress, normalizeAddress, recipientListOf, type RecipientType } from '../../policy/index.js';
import type { ComposeContent, RecipientEntry } from './compose-message.js';

const RECIPIENT_TYPES: ReadonlySet<string> = new Set<RecipientType>(['user', 'externalUser', 'distributionList', 'other']);

export type RecipientInput = string | Office.EmailUser | Office.EmailAddressDetails;

export class Directory {
  /** `internalDomains` takes every entry form of docs/policy.md "Recipient lists", as the policy does. */
  constructor(private readonly internalDomains: () => readonly string[]) {}

  /** `user` inside the organisation, `externalUser` outside, `other` when there is no domain to judge by. */
  typeOf(address: string): RecipientType {
    if (domainOfAddress(address) === null) return 'other';
    return recipientListOf(this.internalDomains()).includes(address) ? 'user' : 'externalUser';
  }

  /**
   * An entry for what an add-in passed to setAsync/addAsync. A type the add-in states is kept; otherwise a
   * recipient already on the message keeps its type and name (moving to Bcc must not change them), and
   * anything else is looked up like a new address. Null when the input has no address at all.
   */
  resolve(input: RecipientInput, known: ComposeContent): RecipientEntry | null {
    const { address, name, type } = readInput(input);
    if (address === '') return null;
    const existing = findKnown(known, address);
    const resolvedType = type ?? existing?.type ?? this.typeOf(address);
    const resolvedName = name !== '' ? name : (existing?.name ?? address);
    return { address, name: resolvedName, type: resolvedType, resolved: true };
  }
}

function readInput(input: RecipientInput): { address: string; name: string; type: RecipientType | undefined } {
  if (typeof input === 'string') return { address: input.trim(), name: '', type: undefined };
  const address = typeof input.emailAddress === 'string' ? input.emailAddress.trim() : '';
  const name = typeof input.displayName === 'string' ? input.displayName.trim() : '';
  const stated: unknown = 'recipientType' in input ? input.recipientType : undefined;
  const type = typeof stated === 'string' && RECIPIENT_TYPES.has(stated) ? (stated as RecipientType) : undefined;
  return { address, name, type };
}

function findKnown(content: ComposeContent, address: string): RecipientEntry | undefined {
  const key = addressKey(address);
  return [...content.to, ...content.cc, ...content.bcc].find((entry) => addressKey(entry.address) === key);
}

function addressKey(address: string): string {
  return normalizeAddress(address) ?? address.trim().toLowerCase();
}
