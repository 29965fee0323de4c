// Detection on a second thread, fed while extraction reads a large sheet (docs/inspection.md, "Detection
// beside extraction"). The shells own the threads (src/cli/detection-thread.ts, the pane's
// src/browser-inspect/detection-worker.ts); this module is both ends of the conversation between them, as
// plain messages, so that it is tested without a thread.
import type { PersonalDataKind } from './match.js';
import { TallyBuilder, type PartTally } from './part-tally.js';
import { PieceDetection } from './piece-detection.js';

/** Where the helper stops and the inspecting thread detects the rest (piece-detection.ts, matchesFrom). */
export interface Handover {
  /** A whole-text position: the helper settles no match that starts after it. */
  readonly until: number;
  /** The text after `until` that the helper reads to settle matches before it. */
  readonly lookahead: string;
}

export interface HelperTally {
  readonly tally: PartTally;
  /** The whole-text position before which the tally counts every match. */
  readonly settled: number;
}

export interface HelperStream {
  write(piece: string): void;
  /**
   * The tally of the pieces written, to their end or up to a handover; rejects when the helper failed,
   * so the caller detects the text itself.
   */
  end(handover?: Handover): Promise<HelperTally>;
}

export interface HelperRequestOptions {
  readonly kinds?: readonly PersonalDataKind[];
  readonly maxSamples: number;
  /** Called as the helper finishes each piece: lets the caller keep only a few pieces waiting there. */
  readonly taken?: () => void;
}

export interface DetectionHelper {
  open(request: HelperRequestOptions): HelperStream;
}

export type HelperRequest =
  | {
      readonly type: 'open';
      readonly stream: number;
      readonly kinds?: readonly PersonalDataKind[];
      readonly maxSamples: number;
    }
  | { readonly type: 'piece'; readonly stream: number; readonly text: string }
  | { readonly type: 'end'; readonly stream: number; readonly handover?: Handover };

export type HelperAnswer =
  | ({ readonly stream: number } & HelperTally)
  | { readonly stream: number; readonly taken: true }
  | { readonly stream: number; readonly error: string };

/** The helper thread's side: each ended stream is answered once, with its tally or what went wrong. */
export function detectionService(answer: (message: HelperAnswer) => void): (request: HelperRequest) => void {
  const open = new Map<number, PieceDetection<TallyBuilder>>();
  const failed = new Map<number, string>();
  return (request) => {
    const { stream } = request;
    try {
      if (request.type === 'open') {
        const options = request.kinds === undefined ? {} : { kinds: request.kinds };
        open.set(stream, new PieceDetection(options, new TallyBuilder(request.maxSamples)));
        return;
      }
      const detection = open.get(stream);
      if (request.type === 'piece') {
        if (detection !== undefined) {
          detection.push(request.text);
          answer({ stream, taken: true });
        } else if (!failed.has(stream)) failed.set(stream, `no open stream ${stream}`);
        return;
      }
      open.delete(stream);
      const error = failed.get(stream);
      failed.delete(stream);
      if (error !== undefined) answer({ stream, error });
      else if (detection === undefined) answer({ stream, error: `no open stream ${stream}` });
      else if (request.handover === undefined) {
        const settled = detection.received;
        answer({ stream, tally: detection.finish().result(), settled });
      } else {
        const settled = detection.finishBefore(request.handover.until, request.handover.lookahead);
        answer({ stream, tally: detection.sink.result(), settled });
      }
    } catch (error) {
      open.delete(stream);
      const reason = error instanceof Error ? error.message : String(error);
      if (request.type === 'end') answer({ stream, error: reason });
      else failed.set(stream, reason);
    }
  };
}

export interface DetectionClient extends DetectionHelper {
  /** An answer from the helper thread. */
  receive(message: HelperAnswer): void;
  /** The helper thread is gone: every stream not yet answered rejects with `reason`. */
  fail(reason: string): void;
}

interface Waiting {
  resolve(tally: HelperTally): void;
  reject(error: Error): void;
  taken(): void;
}

/**
 * The inspecting thread's side. `busy` says when streams are open or answers awaited, so a shell can let
 * its process exit while the helper is idle.
 */
export function detectionClient(post: (request: HelperRequest) => void, busy: (busy: boolean) => void = () => {}): DetectionClient {
  let nextStream = 1;
  const waiting = new Map<number, Waiting>();
  const settle = (stream: number, outcome: (entry: Waiting) => void): void => {
    const entry = waiting.get(stream);
    if (entry === undefined) return;
    waiting.delete(stream);
    if (waiting.size === 0) busy(false);
    outcome(entry);
  };
  return {
    open({ kinds, maxSamples, taken = () => {} }) {
      const stream = nextStream++;
      let resolve: Waiting['resolve'] = () => {};
      let reject: Waiting['reject'] = () => {};
      const answered = new Promise<HelperTally>((onTally, onError) => {
        resolve = onTally;
        reject = onError;
      });
      // A stream that is never ended must not leave an unhandled rejection behind when the helper fails.
      answered.catch(() => {});
      if (waiting.size === 0) busy(true);
      waiting.set(stream, { resolve, reject, taken });
      const send = (request: HelperRequest): void => {
        try {
          post(request);
        } catch (error) {
          settle(stream, (entry) => entry.reject(error instanceof Error ? error : new Error(String(error))));
        }
      };
      send({ type: 'open', stream, ...(kinds === undefined ? {} : { kinds }), maxSamples });
      return {
        write(text) {
          if (waiting.has(stream)) send({ type: 'piece', stream, text });
        },
        end(handover) {
          if (waiting.has(stream)) send(handover === undefined ? { type: 'end', stream } : { type: 'end', stream, handover });
          return answered;
        },
      };
    },
    receive(message) {
      if ('taken' in message) {
        waiting.get(message.stream)?.taken();
        return;
      }
      settle(message.stream, (entry) =>
        'tally' in message
          ? entry.resolve({ tally: message.tally, settled: message.settled })
          : entry.reject(new Error(`detection helper: ${message.error}`)),
      );
    },
    fail(reason) {
      for (const stream of [...waiting.keys()]) settle(stream, (entry) => entry.reject(new Error(`detection helper: ${reason}`)));
    },
  };
}
