// The CLI's view of a mail file: src/inspect reads it, this turns a refusal into the CLI's problems.
import { readEmlSnapshot } from '../inspect/index.js';
import { ROOT_PATH, type MessageSnapshot } from '../policy/index.js';
import { problem, type Parsed } from './problem.js';

export async function readEml(bytes: Uint8Array): Promise<Parsed<MessageSnapshot>> {
  const read = await readEmlSnapshot(bytes);
  if (read.ok) return { ok: true, value: read.snapshot };
  return {
    ok: false,
    problems: [
      read.reason === 'parse-failed'
        ? problem(ROOT_PATH, 'cli.eml.parseFailed', { detail: read.detail })
        : problem(ROOT_PATH, 'cli.eml.noHeaders'),
    ],
  };
}
