// Parses a snapshot .json (docs/cli.md "snapshot") at the edge, reporting every bad field with its path.
import type { AttachmentSnapshot, MessageSnapshot, Person, Recipient, RecipientType } from '../policy/index.js';
import { childPath, ROOT_PATH } from './json-path.js';
import { problem, type Parsed, type Problem } from './problem.js';

const MESSAGE_FIELDS: ReadonlySet<string> = new Set([
  'from', 'to', 'cc', 'bcc', 'originalRecipients', 'subject', 'body', 'attachments',
]);
const PERSON_FIELDS: ReadonlySet<string> = new Set(['address', 'name']);
const RECIPIENT_FIELDS: ReadonlySet<string> = new Set(['address', 'name', 'type']);
const ATTACHMENT_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'size', 'inline', 'contentBase64']);
const RECIPIENT_TYPES: ReadonlySet<string> = new Set<RecipientType>(['user', 'externalUser', 'distributionList', 'other']);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Fields = Readonly<Record<string, unknown>>;

/**
 * Missing lists default to empty and missing text to '', so a hand-written fixture needs only what it tests;
 * unknown fields are errors, because a misspelt `originalRecipients` would silently change the verdict.
 */
export function parseSnapshot(document: unknown): Parsed<MessageSnapshot> {
  const problems: Problem[] = [];
  const fields = readObject(document, ROOT_PATH, MESSAGE_FIELDS, problems);
  if (fields === undefined) return { ok: false, problems };
  const at = (key: string): string => childPath(ROOT_PATH, key);
  const from = has(fields, 'from') ? readPerson(fields.from, at('from'), PERSON_FIELDS, problems) : undefined;
  const originalRecipients = has(fields, 'originalRecipients')
    ? readList(fields.originalRecipients, at('originalRecipients'), problems, (value, path) =>
        readPerson(value, path, PERSON_FIELDS, problems),
      )
    : undefined;
  const snapshot: MessageSnapshot = {
    ...(from === undefined ? {} : { from }),
    to: readRecipients(fields, 'to', problems),
    cc: readRecipients(fields, 'cc', problems),
    bcc: readRecipients(fields, 'bcc', problems),
    ...(originalRecipients === undefined ? {} : { originalRecipients }),
    subject: readOptionalString(fields, 'subject', ROOT_PATH, problems) ?? '',
    body: readOptionalString(fields, 'body', ROOT_PATH, problems) ?? '',
    attachments: has(fields, 'attachments')
      ? readList(fields.attachments, at('attachments'), problems, (value, path) => readAttachment(value, path, problems))
      : [],
  };
  return problems.length === 0 ? { ok: true, value: snapshot } : { ok: false, problems };
}

function has(fields: Fields, key: string): boolean {
  return Object.hasOwn(fields, key);
}

function readObject(value: unknown, path: string, allowed: ReadonlySet<string>, problems: Problem[]): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(problem(path, 'cli.snapshot.expectedObject'));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') problems.push(problem(childPath(path, key), 'cli.snapshot.forbiddenKey'));
    else if (!allowed.has(key)) problems.push(problem(childPath(path, key), 'cli.snapshot.unknownField'));
  }
  return value as Fields;
}

function readList<T>(
  value: unknown,
  path: string,
  problems: Problem[],
  readItem: (item: unknown, path: string) => T | undefined,
): T[] {
  if (!Array.isArray(value)) {
    problems.push(problem(path, 'cli.snapshot.expectedArray'));
    return [];
  }
  const items: T[] = [];
  value.forEach((item: unknown, index) => {
    const read = readItem(item, childPath(path, index));
    if (read !== undefined) items.push(read);
  });
  return items;
}

function readRecipients(fields: Fields, key: string, problems: Problem[]): Recipient[] {
  if (!has(fields, key)) return [];
  return readList(fields[key], childPath(ROOT_PATH, key), problems, (value, path) => readRecipient(value, path, problems));
}

function readPerson(value: unknown, path: string, allowed: ReadonlySet<string>, problems: Problem[]): Person | undefined {
  const fields = readObject(value, path, allowed, problems);
  if (fields === undefined) return undefined;
  const address = readRequiredString(fields, 'address', path, problems);
  const name = readOptionalString(fields, 'name', path, problems);
  if (address === undefined) return undefined;
  return name === undefined ? { address } : { address, name };
}

function readRecipient(value: unknown, path: string, problems: Problem[]): Recipient | undefined {
  const person = readPerson(value, path, RECIPIENT_FIELDS, problems);
  if (typeof value !== 'object' || value === null || !has(value as Fields, 'type')) return person;
  const type = (value as Fields).type;
  if (typeof type !== 'string' || !RECIPIENT_TYPES.has(type)) {
    problems.push(problem(childPath(path, 'type'), 'cli.snapshot.expectedRecipientType', { allowed: [...RECIPIENT_TYPES].join(', ') }));
    return undefined;
  }
  return person === undefined ? undefined : { ...person, type: type as RecipientType };
}

function readAttachment(value: unknown, path: string, problems: Problem[]): AttachmentSnapshot | undefined {
  const fields = readObject(value, path, ATTACHMENT_FIELDS, problems);
  if (fields === undefined) return undefined;
  const id = readOptionalString(fields, 'id', path, problems);
  const name = readRequiredString(fields, 'name', path, problems);
  const size = readSize(fields, path, problems);
  const inline = readInline(fields, path, problems);
  const contentBase64 = readContent(fields, path, problems);
  if (name === undefined || size === undefined || inline === undefined) return undefined;
  return {
    ...(id === undefined ? {} : { id }),
    name,
    size,
    inline,
    ...(contentBase64 === undefined ? {} : { contentBase64 }),
  };
}

function readRequiredString(fields: Fields, key: string, path: string, problems: Problem[]): string | undefined {
  if (!has(fields, key)) {
    problems.push(problem(childPath(path, key), 'cli.snapshot.missingField'));
    return undefined;
  }
  return readOptionalString(fields, key, path, problems);
}

function readOptionalString(fields: Fields, key: string, path: string, problems: Problem[]): string | undefined {
  if (!has(fields, key)) return undefined;
  const value = fields[key];
  if (typeof value === 'string') return value;
  problems.push(problem(childPath(path, key), 'cli.snapshot.expectedString'));
  return undefined;
}

function readSize(fields: Fields, path: string, problems: Problem[]): number | undefined {
  const value = fields.size;
  if (!has(fields, 'size')) problems.push(problem(childPath(path, 'size'), 'cli.snapshot.missingField'));
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  else problems.push(problem(childPath(path, 'size'), 'cli.snapshot.expectedSize'));
  return undefined;
}

function readInline(fields: Fields, path: string, problems: Problem[]): boolean | undefined {
  if (!has(fields, 'inline')) return false;
  if (typeof fields.inline === 'boolean') return fields.inline;
  problems.push(problem(childPath(path, 'inline'), 'cli.snapshot.expectedBoolean'));
  return undefined;
}

function readContent(fields: Fields, path: string, problems: Problem[]): string | undefined {
  const content = readOptionalString(fields, 'contentBase64', path, problems);
  if (content === undefined || BASE64.test(content)) return content;
  problems.push(problem(childPath(path, 'contentBase64'), 'cli.snapshot.expectedBase64'));
  return undefined;
}
