import type { NormalAddress } from '../domain.js';
import { compileRecipientList, type RecipientList } from './recipient-list.js';
import { readRecipientEntry, type RecipientEntry } from './recipient-entry-syntax.js';
import { keptPer } from '../remembered.js';

/** A list of the policy (`internalDomains`, `trustedDomains`, `blockedRecipients`, `attentionRecipients`) compiled for matching. */
export interface PolicyRecipientList extends RecipientList {
  /** The entry, as the policy keeps it, that puts an address in normal form in the list; undefined when none does. */
  readonly entryFor: (address: NormalAddress) => string | undefined;
  /** How many entries it has, comments aside. */
  readonly size: number;
}

function compile(written: readonly string[]): PolicyRecipientList {
  const texts: string[] = [];
  const entries: { readonly entry: RecipientEntry; readonly exclude: boolean }[] = [];
  for (const text of written) {
    const read = readRecipientEntry(text);
    if (!read.ok || !('entry' in read)) continue;
    entries.push(read);
    texts.push(text);
  }
  const list = compileRecipientList(entries);
  return {
    ...list,
    entryFor: (address) => {
      const at = list.firstMatch(address);
      return at < 0 ? undefined : texts[at];
    },
    size: entries.length,
  };
}

/**
 * The list's matcher; entries a policy kept are read as docs/policy.md "Recipient lists" says. Compiled
 * once and kept while the policy is: the pane evaluates the same policy at every change.
 */
export const recipientListOf: (written: readonly string[]) => PolicyRecipientList = keptPer(compile);
