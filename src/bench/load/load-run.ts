// A closed-loop load run: each simulated sender and recipient waits for its answer before its next
// request, for a fixed time, against one or several instances (worker i goes to instance i mod n, as a
// load balancer spreads kept-alive connections).
import { latencyLog, type RequestFigures } from './latency-log.js';
import { linkPool } from './link-pool.js';
import { loadClient } from './load-client.js';
import { downloadOnce, shareOnce, type Workload } from './workloads.js';

export interface LoadOptions {
  readonly origins: readonly string[];
  readonly token: string;
  readonly seconds: number;
  readonly senders: number;
  readonly recipients: number;
  readonly fileBytes: number;
  /** Links shared before the clock starts, through the first instance, so recipients have work at once. */
  readonly seedLinks: number;
  readonly recipientsPerLink: number;
  readonly downloadsPerRecipient: number;
}

export interface LoadResult {
  readonly seconds: number;
  readonly figures: readonly RequestFigures[];
  /** Recipient turns that found no link with a download left (the pool was too small for the run). */
  readonly starvedTurns: number;
}

function origin(options: LoadOptions, worker: number): string {
  return options.origins[worker % options.origins.length] as string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.origins.length === 0) throw new Error('runLoad needs at least one instance');
  const client = loadClient(options.senders + options.recipients);
  const file = new Uint8Array(options.fileBytes).map((_, index) => (index * 31) & 0xff);
  const seeding = latencyLog();
  const base = {
    send: client.send,
    links: linkPool(),
    token: options.token,
    file,
    recipientsPerLink: options.recipientsPerLink,
    downloadsPerRecipient: options.downloadsPerRecipient,
  };
  let sequence = 0;
  try {
    for (let index = 0; index < options.seedLinks; index += 1)
      await shareOnce({ ...base, log: seeding }, origin(options, 0), (sequence += 1));
    const failedSeed = seeding.figures(1).find((figure) => figure.errors > 0);
    if (failedSeed !== undefined) throw new Error(`Sharing the links to download failed: ${failedSeed.firstError ?? ''}`);

    const workload: Workload = { ...base, log: latencyLog() };
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    let starvedTurns = 0;
    const sender = async (worker: number): Promise<void> => {
      while (performance.now() < deadline) await shareOnce(workload, origin(options, worker), (sequence += 1));
    };
    const recipient = async (worker: number): Promise<void> => {
      while (performance.now() < deadline) {
        if (await downloadOnce(workload, origin(options, worker))) continue;
        starvedTurns += 1;
        await new Promise((wait) => setTimeout(wait, 5));
      }
    };
    await Promise.all([
      ...Array.from({ length: options.senders }, (_, worker) => sender(worker)),
      ...Array.from({ length: options.recipients }, (_, worker) => recipient(worker)),
    ]);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, figures: workload.log.figures(seconds), starvedTurns };
  } finally {
    client.close();
  }
}
