// The pane's part of content inspection: every attachment the item's cache has no outcome for (or only a
// `pending` one) is read and inspected here, the outcomes go back into the cache, and the summary is built
// from the cache as stored, exactly as the send handler will build it at the next Send.
import { attachmentKey, mergeInspections, summarizeMessage } from '../inspect/index.js';
import type { AttachmentInspection, AttachmentSnapshot, InspectionSummary, MessageSnapshot } from '../policy/index.js';
import type { PaneGateway } from './pane-gateway.js';

export interface InspectionProgress {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
  readonly name: string;
}

export interface PaneInspection {
  readonly summary: InspectionSummary;
  /** The outcomes could not be stored in the item, so the send handler will count them as pending. */
  readonly notSaved: boolean;
}

function needsInspection(attachment: AttachmentSnapshot, cached: ReadonlyMap<string, AttachmentInspection>): boolean {
  if (attachment.inline || attachment.id === undefined) return false;
  const entry = cached.get(attachmentKey(attachment.name, attachment.size));
  return entry === undefined || entry.status === 'pending';
}

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function inspectForPane(
  gateway: PaneGateway,
  snapshot: MessageSnapshot,
  onProgress: (progress: InspectionProgress) => void = () => undefined,
): Promise<PaneInspection> {
  // An unreadable cache is an empty one: everything is inspected again, which costs time, not correctness.
  const cached = await gateway.readCachedInspections().catch((): readonly AttachmentInspection[] => []);
  const byKey = new Map(cached.map((entry) => [attachmentKey(entry.name, entry.size), entry] as const));
  const todo = snapshot.attachments.filter((attachment) => needsInspection(attachment, byKey));
  if (todo.length === 0) return { summary: summarizeMessage(snapshot, cached), notSaved: false };

  const fresh: AttachmentInspection[] = [];
  for (const [position, attachment] of todo.entries()) {
    onProgress({ index: position + 1, total: todo.length, name: attachment.name });
    // Extraction runs on this thread: let the progress line paint between attachments.
    await yieldToBrowser();
    fresh.push(await gateway.inspectAttachment(attachment));
  }
  try {
    const stored = await gateway.updateInspectionCache((current) => mergeInspections(current, fresh, snapshot.attachments));
    return { summary: summarizeMessage(snapshot, stored), notSaved: false };
  } catch {
    return { summary: summarizeMessage(snapshot, mergeInspections(cached, fresh, snapshot.attachments)), notSaved: true };
  }
}
