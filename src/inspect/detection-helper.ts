// Detection on a second thread, fed while extraction reads a large sheet, or after it with another large
// text (docs/inspection.md, "Detection beside extraction"). The shells own the threads (src/cli/detection-thread.ts, the pane's
// src/browser-inspect/detection-helper.ts); this module is both ends of the conversation between them, as
// plain messages, so that it is tested without a thread.
//
// The inspecting thread posts every piece as extraction yields it. The helper queues them and detects one
// at a time, so that it reads the inspecting thread's `end` as soon as the piece in hand is done: the
// pane's extraction resolves its stream reads as microtasks and would not see the helper's messages
// before it ends. At `end` with `split`, the helper hands the last half of what it has not detected back,
// and both threads detect their half at once.
import { describeError } from '../policy/index.js';
import type { PersonalDataKind } from './match.js';
import { TallyBuilder, type PartTally } from './part-tally.js';
import { PieceDetection } from './piece-detection.js';

/** Units past a handover that the helper reads to settle the matches before it. */
export const HANDOVER_UNITS = 64 * 1024;

export interface HelperTally {
  readonly tally: PartTally;
  /** The whole-text position before which the tally counts every match. */
  readonly settled: number;
}

export interface EndedStream {
  /** Where the helper stopped taking pieces: the start of the first piece left to the caller, or the text's end. */
  readonly handover: Promise<number>;
  /** The tally of the pieces before the handover; rejects when the helper failed, so the caller detects the text itself. */
  readonly result: Promise<HelperTally>;
}

export interface HelperStream {
  write(piece: string): void;
  /** `split`: the helper may hand the last pieces it has not begun back to the caller. */
  end(split: boolean): EndedStream;
}

export interface HelperRequestOptions {
  readonly kinds?: readonly PersonalDataKind[];
  readonly maxSamples: number;
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
  | { readonly type: 'end'; readonly stream: number; readonly split: boolean };

export type HelperAnswer =
  | { readonly stream: number; readonly handover: number }
  | ({ readonly stream: number } & HelperTally)
  | { readonly stream: number; readonly error: string };

interface ServedStream {
  readonly detection: PieceDetection<TallyBuilder>;
  readonly queue: string[];
  /** Units of the pieces taken off the queue. */
  taken: number;
  /** Set at `end`: where to stop, and the text after it to read. */
  ending?: { readonly until: number | null; readonly lookahead: string };
  failure?: string;
}

function unitsOf(pieces: readonly string[]): number {
  return pieces.reduce((units, piece) => units + piece.length, 0);
}

/** The pieces from `index` on, joined only as far as `units` reach. */
function textFrom(queue: readonly string[], index: number, units: number): string {
  let text = '';
  for (let at = index; at < queue.length && text.length < units; at += 1) text += queue[at] ?? '';
  return text.slice(0, units);
}

/**
 * The helper thread's side. `schedule` runs a step after the messages already waiting (setImmediate in
 * Node, a MessageChannel in a worker); each ended stream is answered with a handover, then with its tally
 * or what went wrong.
 */
export function detectionService(
  answer: (message: HelperAnswer) => void,
  schedule: (step: () => void) => void,
): (request: HelperRequest) => void {
  const streams = new Map<number, ServedStream>();
  let scheduled = false;

  const tallied = (served: ServedStream, ending: NonNullable<ServedStream['ending']>): HelperTally => {
    if (ending.until === null) {
      const settled = served.detection.received;
      return { tally: served.detection.finish().result(), settled };
    }
    const settled = served.detection.finishBefore(ending.until, ending.lookahead);
    return { tally: served.detection.sink.result(), settled };
  };

  const complete = (stream: number, served: ServedStream, ending: NonNullable<ServedStream['ending']>): void => {
    streams.delete(stream);
    if (served.failure !== undefined) {
      answer({ stream, error: served.failure });
      return;
    }
    let result: HelperTally;
    try {
      result = tallied(served, ending);
    } catch (error) {
      answer({ stream, error: describeError(error) });
      return;
    }
    answer({ stream, ...result });
  };

  const step = (): void => {
    scheduled = false;
    for (const [stream, served] of streams) {
      const piece = served.queue.shift();
      if (piece !== undefined) {
        served.taken += piece.length;
        try {
          if (served.failure === undefined) served.detection.push(piece);
        } catch (error) {
          served.failure = describeError(error);
        }
      }
      if (served.queue.length > 0) {
        kick();
        return;
      }
      if (served.ending !== undefined) complete(stream, served, served.ending);
    }
  };

  const kick = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(step);
  };

  return (request) => {
    const { stream } = request;
    if (request.type === 'open') {
      try {
        const options = request.kinds === undefined ? {} : { kinds: request.kinds };
        streams.set(stream, { detection: new PieceDetection(options, new TallyBuilder(request.maxSamples)), queue: [], taken: 0 });
      } catch (error) {
        answer({ stream, error: describeError(error) });
      }
      return;
    }
    const served = streams.get(stream);
    if (served === undefined) {
      if (request.type === 'end') answer({ stream, error: `no open stream ${stream}` });
      return;
    }
    if (request.type === 'piece') {
      served.queue.push(request.text);
      kick();
      return;
    }
    // Half of what is left, rounded down, goes back: the pieces at the queue's end.
    const back = request.split ? Math.floor(served.queue.length / 2) : 0;
    if (back === 0) {
      answer({ stream, handover: served.taken + unitsOf(served.queue) });
      served.ending = { until: null, lookahead: '' };
    } else {
      const kept = served.queue.length - back;
      const until = served.taken + unitsOf(served.queue.slice(0, kept));
      answer({ stream, handover: until });
      served.ending = { until, lookahead: textFrom(served.queue, kept, HANDOVER_UNITS) };
      served.queue.length = kept;
    }
    kick();
  };
}

export interface DetectionClient extends DetectionHelper {
  /** An answer from the helper thread. */
  receive(message: HelperAnswer): void;
  /** The helper thread is gone: every stream not yet answered rejects with `reason`. */
  fail(reason: string): void;
}

interface Waiting {
  handover(until: number): void;
  resolve(tally: HelperTally): void;
  reject(error: Error): void;
}

function deferred<T>(): { readonly promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  // A stream that is never ended must not leave an unhandled rejection behind when the helper fails.
  promise.catch(() => {});
  return { promise, resolve, reject };
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
    open({ kinds, maxSamples }) {
      const stream = nextStream++;
      const handover = deferred<number>();
      const result = deferred<HelperTally>();
      if (waiting.size === 0) busy(true);
      waiting.set(stream, {
        handover: handover.resolve,
        resolve: result.resolve,
        reject(error) {
          handover.reject(error);
          result.reject(error);
        },
      });
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
        end(split) {
          if (waiting.has(stream)) send({ type: 'end', stream, split });
          return { handover: handover.promise, result: result.promise };
        },
      };
    },
    receive(message) {
      if ('handover' in message) {
        waiting.get(message.stream)?.handover(message.handover);
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

/** A helper thread as a shell starts it: how to post to it, and when it may let its process rest. */
export interface HelperThread {
  post(request: HelperRequest): void;
  /** True while streams are open or answers awaited. */
  busy(busy: boolean): void;
}

/** What a shell reports of its thread. */
export interface HelperEvents {
  receive(answer: HelperAnswer): void;
  /** The thread failed or exited: what it holds fails with `reason`, and the next stream starts another. */
  gone(reason: string): void;
}

export interface RestartingHelper<Thread> extends DetectionHelper {
  /** The running thread, forgotten so that the next stream starts another; null when none runs. */
  take(): Thread | null;
}

/**
 * A helper whose thread `start` makes at the first stream and which keeps it for the next. A thread that
 * cannot be started fails its streams at once, and one that is gone fails what it holds: either way the
 * inspecting thread detects that text itself (helper-streams.ts).
 */
export function restartingHelper<Thread extends HelperThread>(start: (events: HelperEvents) => Thread): RestartingHelper<Thread> {
  let current: { readonly thread: Thread; readonly client: DetectionClient } | null = null;
  const started = (): DetectionClient => {
    if (current !== null) return current.client;
    // Assigned before the thread can report anything: its events come later, as messages.
    let client: DetectionClient | null = null;
    let thread: Thread;
    try {
      thread = start({
        receive: (answer) => client?.receive(answer),
        gone(reason) {
          if (current?.thread === thread) current = null;
          client?.fail(reason);
        },
      });
    } catch (error) {
      return detectionClient(() => {
        throw error;
      });
    }
    const made = detectionClient(
      (request) => thread.post(request),
      (busy) => thread.busy(busy),
    );
    client = made;
    current = { thread, client: made };
    return made;
  };
  return {
    open: (request) => started().open(request),
    take() {
      const taken = current?.thread ?? null;
      current = null;
      return taken;
    },
  };
}
