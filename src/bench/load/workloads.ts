// What one simulated person does, again and again until the run ends: a sender shares a file by secure
// link (create, upload, complete: the pane's three calls), a recipient opens a link's page and downloads.
import { completeLinksPath, LINKS_PATH, parseCompletedLinks, parseCreatedLinks, type CreateLinksRequest } from '../../protocol/index.js';
import type { LatencyLog } from './latency-log.js';
import type { LinkPool } from './link-pool.js';
import type { LoadAnswer, LoadClient, LoadRequest } from './load-client.js';

export interface Workload {
  readonly send: LoadClient;
  readonly log: LatencyLog;
  readonly links: LinkPool;
  readonly token: string;
  readonly file: Uint8Array;
  readonly recipientsPerLink: number;
  readonly downloadsPerRecipient: number;
}

/** Times one request; an unexpected status or a failed connection is an error in the log, and null here. */
async function timed(
  workload: Workload,
  kind: string,
  origin: string,
  call: LoadRequest,
  expected: number,
  check: (answer: LoadAnswer) => string | null = () => null,
): Promise<LoadAnswer | null> {
  const started = performance.now();
  try {
    const answer = await workload.send(origin, call);
    const error = answer.status === expected ? check(answer) : `${call.method} ${kind}: ${answer.status} ${answer.body.slice(0, 200)}`;
    workload.log.record(kind, performance.now() - started, error);
    return error === null ? answer : null;
  } catch (failure) {
    workload.log.record(kind, performance.now() - started, `${call.method} ${kind}: ${(failure as Error).message}`);
    return null;
  }
}

/** One share through `origin`; its recipients' links join the pool. */
export async function shareOnce(workload: Workload, origin: string, sequence: number): Promise<void> {
  const authorization = `Bearer ${workload.token}`;
  const recipients = Array.from({ length: workload.recipientsPerLink }, (_, index) => `load-${sequence}-${index}@partner.example`);
  const body: CreateLinksRequest = {
    files: [{ name: `見積書-${sequence}.pdf`, size: workload.file.length }],
    recipients,
    requireCode: false,
  };
  const json = { authorization, 'content-type': 'application/json' };
  const created = await timed(
    workload,
    'create link',
    origin,
    { method: 'POST', path: LINKS_PATH, headers: json, body: JSON.stringify(body), keepBody: true },
    201,
  );
  const parsed = created === null ? null : parseCreatedLinks(JSON.parse(created.body));
  const uploadPath = parsed?.files[0]?.uploadPath;
  if (parsed === null || uploadPath === undefined) return;
  const uploaded = await timed(
    workload,
    'upload',
    origin,
    { method: 'PUT', path: uploadPath, headers: { authorization, 'content-type': 'application/octet-stream' }, body: workload.file },
    200,
  );
  if (uploaded === null) return;
  const completed = await timed(
    workload,
    'complete',
    origin,
    { method: 'POST', path: completeLinksPath(parsed.id), headers: { authorization }, keepBody: true },
    200,
  );
  const links = completed === null ? null : parseCompletedLinks(JSON.parse(completed.body));
  for (const link of links?.links ?? []) workload.links.add(new URL(link.url).pathname, workload.downloadsPerRecipient);
}

/** One recipient visit through `origin`: the landing page, then the download; false when no link is left. */
export async function downloadOnce(workload: Workload, origin: string): Promise<boolean> {
  const path = workload.links.take();
  if (path === null) return false;
  const page = await timed(workload, 'link page', origin, { method: 'GET', path }, 200);
  if (page === null) return true;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const size = workload.file.length;
  const whole = (answer: LoadAnswer): string | null =>
    answer.bytes === size ? null : `download returned ${answer.bytes} of ${size} bytes`;
  await timed(workload, 'download', origin, { method: 'POST', path: `${path}/download`, headers: form, body: 'file=0' }, 200, whole);
  return true;
}
