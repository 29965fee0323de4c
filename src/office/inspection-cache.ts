// What the attachments handler found in each attachment, kept in sessionData (`preflight.inspection`) so the
// send handler never has to read attachment content inside its 3-second budget. The value is a JSON array of
// AttachmentInspection, one per attachment, matched like the policy matches them: by name and size.
import { parseAttachmentInspection, type AttachmentInspection, type PersonalDataTally } from '../policy/index.js';
import { parseJson } from './safe-json.js';

/**
 * Each entry is parsed on its own: a corrupt or tampered entry is left out, so its attachment counts as
 * pending at send, while the others still count.
 */
export function parseInspectionCache(text: string | undefined): AttachmentInspection[] {
  if (text === undefined) return [];
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  const entries: AttachmentInspection[] = [];
  for (const item of value) {
    const entry = parseAttachmentInspection(item);
    if (entry !== null) entries.push(entry);
  }
  return entries;
}

export interface FittedCache {
  readonly text: string;
  readonly entries: readonly AttachmentInspection[];
}

/**
 * Serialises the entries within `budget` characters. What does not fit loses detail step by step rather than
 * disappearing: first samples and parts beyond the first, then whole entries become `pending` with reason
 * `cache-full` (largest first), so the send handler reports them as not inspected.
 */
export function fitInspectionCache(entries: readonly AttachmentInspection[], budget: number): FittedCache {
  const fits = (list: readonly AttachmentInspection[]): boolean => JSON.stringify(list).length <= budget;
  if (fits(entries)) return fitted(entries);
  const compact = entries.map(compactEntry);
  if (fits(compact)) return fitted(compact);
  const working = [...compact];
  const bySize = working
    .map((entry, index) => ({ index, length: JSON.stringify(entry).length }))
    .sort((left, right) => right.length - left.length);
  for (const { index } of bySize) {
    const entry = working[index];
    if (entry === undefined) continue;
    working[index] = pendingEntry(entry, 'cache-full');
    if (fits(working)) return fitted(working);
  }
  // Even bare pending entries do not fit: an attachment missing from the cache counts as pending as well.
  while (working.length > 0 && !fits(working)) working.pop();
  return fitted(working);
}

function pendingEntry(entry: Pick<AttachmentInspection, 'name' | 'size'>, reason: string): AttachmentInspection {
  return { name: entry.name, size: entry.size, status: 'pending', reason, unread: [], personalData: [] };
}

function compactEntry(entry: AttachmentInspection): AttachmentInspection {
  return { ...entry, unread: entry.unread.slice(0, 1), personalData: entry.personalData.map(compactTally) };
}

function compactTally(tally: PersonalDataTally): PersonalDataTally {
  return { ...tally, highSamples: tally.highSamples.slice(0, 1), lowSamples: tally.lowSamples.slice(0, 1), parts: tally.parts.slice(0, 1) };
}

function fitted(entries: readonly AttachmentInspection[]): FittedCache {
  return { text: JSON.stringify(entries), entries };
}
