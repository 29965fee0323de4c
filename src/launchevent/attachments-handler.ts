// OnMessageAttachmentsChanged: inspect each new attachment the handler bundle can read and cache the outcome
// in sessionData, so the send handler only looks it up. The handler reconciles with the attachments on the
// item rather than trusting the event's details: events for several attachments can overlap, and an entry
// for a removed attachment must go. Every run ends in exactly one `event.completed`, before its watchdog.
import {
  OfficeCallError,
  readAttachmentBase64,
  readAttachmentList,
  readCachedInspections,
  updateInspectionCache,
  type CallOptions,
  type LaunchEvent,
} from '../office/index.js';
import { mergeInspections, pendingInspection as pendingEntry } from '../inspect/message-summary.js';
import { attachmentKey, type AttachmentInspection, type AttachmentSnapshot } from '../policy/index.js';
import { HANDLER_SCAN_LIMITS, planScan, scanBytes, type ScanLimits } from './attachment-scan.js';
import { decodeBase64 } from './base64.js';
import { completeOnce } from './complete-once.js';
import { TimerScope } from './timer-scope.js';

export interface AttachmentsTiming {
  /** The watchdog. No dialog waits on this event, but Outlook ends long-running handlers. */
  readonly deadlineMs: number;
  readonly officeCallTimeoutMs: number;
  /** No new attachment is read once this much time has passed; the rest are cached as pending. */
  readonly scanBudgetMs: number;
  /** At most this many attachments are read per event. */
  readonly maxReads: number;
}

export const ATTACHMENTS_TIMING: AttachmentsTiming = { deadlineMs: 20_000, officeCallTimeoutMs: 5_000, scanBudgetMs: 8_000, maxReads: 10 };

/** Pending reasons that a later event retries; the others say the handler cannot read the file at all. */
const RETRIED_REASONS: ReadonlySet<string> = new Set(['handler-budget', 'handler-read', 'cache-full']);

export interface AttachmentsDependencies {
  readonly now: () => number;
  readonly limits: ScanLimits;
}

const DEFAULT_ATTACHMENTS_DEPENDENCIES: AttachmentsDependencies = { now: () => Date.now(), limits: HANDLER_SCAN_LIMITS };

export function createAttachmentsHandler(
  dependencies: Partial<AttachmentsDependencies> = {},
  timing: AttachmentsTiming = ATTACHMENTS_TIMING,
): (event: LaunchEvent) => void {
  const deps: AttachmentsDependencies = { ...DEFAULT_ATTACHMENTS_DEPENDENCIES, ...dependencies };

  return function onMessageAttachmentsChangedHandler(event: LaunchEvent): void {
    const timers = new TimerScope();
    const finish = completeOnce(event, timers);
    const options: CallOptions = { timeoutMs: timing.officeCallTimeoutMs, timers };

    async function refresh(): Promise<void> {
      const startedAt = deps.now();
      const [present, cached] = await Promise.all([readAttachmentList(options), readCachedInspections(options)]);
      const known = new Set(cached.filter((entry) => !needsRetry(entry)).map((entry) => attachmentKey(entry)));
      const fresh: AttachmentInspection[] = [];
      let reads = 0;
      for (const attachment of present) {
        const key = attachmentKey(attachment);
        if (attachment.inline || known.has(key)) continue;
        known.add(key);
        const plan = planScan(attachment, deps.limits);
        if (!plan.read) {
          fresh.push(plan.inspection);
        } else if (reads >= timing.maxReads || deps.now() - startedAt > timing.scanBudgetMs) {
          fresh.push(pendingEntry(attachment, 'handler-budget'));
        } else {
          reads += 1;
          fresh.push(await readAndScan(attachment));
        }
      }
      // Read again: another run may have changed the list while this one read content.
      const current = await readAttachmentList(options);
      await updateInspectionCache((stored) => mergeInspections(stored, fresh, current), options);
    }

    async function readAndScan(attachment: AttachmentSnapshot): Promise<AttachmentInspection> {
      if (attachment.id === undefined) return pendingEntry(attachment, 'handler-read');
      try {
        const content = await readAttachmentBase64(attachment.id, options);
        if (content.kind !== 'base64') return pendingEntry(attachment, 'handler-format');
        const bytes = decodeBase64(content.content);
        return bytes === null ? pendingEntry(attachment, 'handler-read') : scanBytes(attachment, bytes, deps.limits);
      } catch (error) {
        if (!(error instanceof OfficeCallError)) throw error;
        console.warn('Preflight: attachment not read', `${error.operation} ${error.code}`);
        return pendingEntry(attachment, 'handler-read');
      }
    }

    timers.start(finish, timing.deadlineMs);
    try {
      refresh().then(finish, (error: unknown) => {
        logFailure(error);
        finish();
      });
    } catch (error) {
      logFailure(error);
      finish();
    }
  };
}

function needsRetry(entry: AttachmentInspection): boolean {
  return entry.status === 'pending' && RETRIED_REASONS.has(entry.reason);
}

function logFailure(error: unknown): void {
  const detail = error instanceof OfficeCallError ? `${error.operation} ${error.code}` : 'internal';
  console.warn('Preflight: attachment inspection failed', detail);
}
