import type { MessageSnapshot } from '../policy/index.js';
import { readEml } from './eml-reader.js';
import { decodeJson } from './json-input.js';
import type { Parsed } from './problem.js';
import { parseSnapshot } from './snapshot-parser.js';

/** `.json` is a snapshot; any other file is read as a mail message (.eml) and rejected if it is not one. */
export async function parseMessageFile(file: string, bytes: Uint8Array): Promise<Parsed<MessageSnapshot>> {
  if (!file.toLowerCase().endsWith('.json')) return readEml(bytes);
  const document = decodeJson(bytes);
  return document.ok ? parseSnapshot(document.value) : document;
}
