// The pane's part of content inspection: every attachment the item's cache has no outcome for (or only a
// `pending` one, or a failed read) is read and inspected here, and the outcomes go back into the cache. The
// check (src/check) builds the summary from what was stored, exactly as the send handler will at the next Send.
import { mergeInspections } from '../inspect/index.js';
import type { AttachmentOutcomes } from '../check/index.js';
import { attachmentKey, type AttachmentInspection, type AttachmentSnapshot, type MessageSnapshot } from '../policy/index.js';
import type { PaneGateway } from './pane-gateway.js';

export interface InspectionProgress {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
  readonly name: string;
}

/** The reason an attachment Office did not hand over in time, or at all, is stored with (attachment-inspector.ts). */
export const READ_FAILED = 'read-failed';

/**
 * Not yet known, or not read because Office failed to hand it over: that failure is usually passing, and
 * kept as final it would hold a message under `uninspectableAttachments: block` until the file is removed
 * and added again. What the extraction itself could not read (corrupt, a limit) stays as it is.
 */
function needsInspection(attachment: AttachmentSnapshot, cached: ReadonlyMap<string, AttachmentInspection>): boolean {
  if (attachment.inline || attachment.id === undefined) return false;
  const entry = cached.get(attachmentKey(attachment));
  return entry === undefined || entry.status === 'pending' || (entry.status === 'uninspectable' && entry.reason === READ_FAILED);
}

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function inspectForPane(
  gateway: Pick<PaneGateway, 'updateInspectionCache' | 'inspectAttachment'>,
  snapshot: MessageSnapshot,
  cached: readonly AttachmentInspection[],
  onProgress: (progress: InspectionProgress) => void = () => undefined,
): Promise<AttachmentOutcomes> {
  const byKey = new Map(cached.map((entry) => [attachmentKey(entry), entry] as const));
  const todo = snapshot.attachments.filter((attachment) => needsInspection(attachment, byKey));
  if (todo.length === 0) return { outcomes: cached, notSaved: false };

  const fresh: AttachmentInspection[] = [];
  for (const [position, attachment] of todo.entries()) {
    onProgress({ index: position + 1, total: todo.length, name: attachment.name });
    // A PDF is read on this thread (src/browser-inspect/inspect-in-browser.ts): let the progress line paint first.
    await yieldToBrowser();
    fresh.push(await gateway.inspectAttachment(attachment));
  }
  try {
    const stored = await gateway.updateInspectionCache((current) => mergeInspections(current, fresh, snapshot.attachments));
    return { outcomes: stored, notSaved: false };
  } catch {
    return { outcomes: mergeInspections(cached, fresh, snapshot.attachments), notSaved: true };
  }
}
