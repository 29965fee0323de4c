import { recipientKeyOf, type ClassifiedRecipient } from './classify.js';
import type { RecipientField } from './types.js';
import { keptPer } from './remembered.js';

/**
 * Which checklist row a finding's recipient target belongs to. A row gathers the targets of its field
 * whose address has its key (recipientKeyOf); the rows are numbered once per classified recipient list,
 * so that the pane's evaluation at every change, which gets the same list again (classify.ts), finds a
 * thousand targets' rows without normalising or hashing their keys again (docs/benchmarks.md
 * "Policy evaluate").
 */
export interface RecipientRows {
  /** How many rows. */
  readonly count: number;
  /** The row of each entry. */
  rowOf(entry: ClassifiedRecipient): number;
  /** The row of a target's address in a field; undefined when no entry has its key there. */
  rowOfTarget(field: RecipientField, address: string): number | undefined;
  /**
   * Whether a target names an entry by its identifying key (ClassifiedRecipient `key`) among `entries`:
   * an entry without an address is known by its display name, which no target's address gives.
   */
  namesAny(entries: readonly ClassifiedRecipient[]): (field: RecipientField, address: string) => boolean;
}

type PerField<Value> = Record<RecipientField, Map<string, Value>>;

/** The key of an entry's row: its normal form, else the text recipientKeyOf gives. */
function rowKeyOf(entry: ClassifiedRecipient): string {
  return entry.normalized ?? recipientKeyOf(entry.recipient.address);
}

function numberRows(entries: readonly ClassifiedRecipient[]): RecipientRows {
  const byKey: PerField<number> = { to: new Map(), cc: new Map(), bcc: new Map() };
  // Rules copy the entry's address into their targets, so most targets are found by that very text.
  const byText: PerField<number> = { to: new Map(), cc: new Map(), bcc: new Map() };
  const rows = new Map<ClassifiedRecipient, number>();
  let count = 0;
  for (const entry of entries) {
    const keys = byKey[entry.field];
    const key = rowKeyOf(entry);
    let row = keys.get(key);
    if (row === undefined) {
      row = count++;
      keys.set(key, row);
    }
    byText[entry.field].set(entry.recipient.address, row);
    rows.set(entry, row);
  }
  const rowOfTarget = (field: RecipientField, address: string): number | undefined =>
    byText[field].get(address) ?? byKey[field].get(recipientKeyOf(address));
  return {
    count,
    rowOf: (entry) => rows.get(entry) ?? -1,
    rowOfTarget,
    namesAny: (named) => {
      const keyed = new Set<number>();
      for (const entry of named) if (entry.recipient.address.trim() !== '') keyed.add(rows.get(entry) ?? -1);
      return (field, address) => {
        const row = rowOfTarget(field, address);
        return row !== undefined && keyed.has(row);
      };
    },
  };
}

/** The rows of a classified recipient list, numbered once per list. */
export const recipientRows: (entries: readonly ClassifiedRecipient[]) => RecipientRows = keptPer(numberRows);
