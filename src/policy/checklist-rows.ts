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

function emptyPerField<Value>(): PerField<Value> {
  return { to: new Map(), cc: new Map(), bcc: new Map() };
}

function numberRows(entries: readonly ClassifiedRecipient[]): RecipientRows {
  // Rules copy the entry's address into their targets, so most targets are found by that very text.
  const byText = emptyPerField<number>();
  // An entry with a normal form has a key of its own in its field (classify.ts keeps one per key), so its
  // row is its position; entries without one share a row when their text does, which only they need keys for.
  const unusable = emptyPerField<number>();
  const rows: number[] = [];
  entries.forEach((entry, position) => {
    let row = position;
    if (entry.normalized === null) {
      const key = rowKeyOf(entry);
      const first = unusable[entry.field].get(key);
      if (first === undefined) unusable[entry.field].set(key, position);
      else row = first;
    }
    byText[entry.field].set(entry.recipient.address, row);
    rows.push(row);
  });
  let byKey: PerField<number> | null = null;
  const rowOfKey = (field: RecipientField, key: string): number | undefined => {
    if (byKey === null) {
      const keys = emptyPerField<number>();
      entries.forEach((entry, position) => keys[entry.field].set(rowKeyOf(entry), rows[position] ?? position));
      byKey = keys;
    }
    return byKey[field].get(key);
  };
  const rowOf = (entry: ClassifiedRecipient): number => (entries[entry.index] === entry ? (rows[entry.index] ?? -1) : -1);
  const rowOfTarget = (field: RecipientField, address: string): number | undefined =>
    byText[field].get(address) ?? rowOfKey(field, recipientKeyOf(address));
  return {
    count: entries.length,
    rowOf,
    rowOfTarget,
    namesAny: (named) => {
      const keyed = new Set<number>();
      for (const entry of named) if (entry.recipient.address.trim() !== '') keyed.add(rowOf(entry));
      return (field, address) => {
        const row = rowOfTarget(field, address);
        return row !== undefined && keyed.has(row);
      };
    },
  };
}

/** The rows of a classified recipient list, numbered once per list. */
export const recipientRows: (entries: readonly ClassifiedRecipient[]) => RecipientRows = keptPer(numberRows);
