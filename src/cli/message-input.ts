import type { MessageSnapshot } from '../policy/index.js';
import { readEml } from './eml-reader.js';
import { decodeJson } from './json-input.js';
import type { Parsed } from './problem.js';
import { parseSnapshot } from './snapshot-parser.js';

export function isSnapshotFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

/** `.json` is a snapshot; any other file is read as a mail message (.eml) and rejected if it is not one. */
export async function parseMessageFile(file: string, bytes: Uint8Array): Promise<Parsed<MessageSnapshot>> {
  if (!isSnapshotFile(file)) return readEml(bytes);
  const document = decodeJson(bytes);
  return document.ok ? parseSnapshot(document.value) : document;
}
