// Parses a snapshot .json (docs/cli.md "snapshot") at the edge, reporting every bad field with its path.
import {
  booleanReader,
  checkKeys,
  choiceReader,
  hasKey,
  integerReader,
  isRecord,
  listReader,
  readMember,
  readRequired,
  recordReader,
  ROOT_PATH,
  stringReader,
  type AttachmentSnapshot,
  type JsonReader,
  type JsonRecord,
  type MessageSnapshot,
  type Person,
  type Recipient,
  type RecipientType,
} from '../policy/index.js';
import type { StringKey } from '../i18n/strings.js';
import type { Params } from '../i18n/translate.js';
import type { Parsed, Problem, ProblemMessage } from './problem.js';

const MESSAGE_FIELDS = ['from', 'to', 'cc', 'bcc', 'originalRecipients', 'subject', 'body', 'attachments'];
const PERSON_FIELDS = ['address', 'name'];
const RECIPIENT_FIELDS = ['address', 'name', 'type'];
const ATTACHMENT_FIELDS = ['id', 'name', 'size', 'inline', 'contentBase64'];
const RECIPIENT_TYPES: readonly RecipientType[] = ['user', 'externalUser', 'distributionList', 'other'];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Said = { readonly message: ProblemMessage };
type Reader<T> = JsonReader<T, Said>;

function said(key: StringKey, params?: Params): Said {
  return { message: params === undefined ? { key } : { key, params } };
}

const readText = stringReader(said('cli.snapshot.expectedString'));
const MISSING = said('cli.snapshot.missingField');

function readObject(value: unknown, path: string, allowed: readonly string[], problems: Problem[]): JsonRecord | undefined {
  const fields = recordReader(said('cli.snapshot.expectedObject'))(value, path, problems);
  if (fields !== undefined) {
    checkKeys(fields, allowed, path, problems, {
      forbidden: said('cli.snapshot.forbiddenKey'),
      unknown: () => said('cli.snapshot.unknownField'),
    });
  }
  return fields;
}

function list<T>(readItem: Reader<T>): Reader<T[]> {
  return listReader(said('cli.snapshot.expectedArray'), readItem);
}

function personReader(allowed: readonly string[]): Reader<Person> {
  return (value, path, problems) => {
    const fields = readObject(value, path, allowed, problems);
    if (fields === undefined) return undefined;
    const address = readRequired(fields, 'address', path, problems, readText, MISSING);
    const name = readMember(fields, 'name', path, problems, readText);
    if (address === undefined) return undefined;
    return name === undefined ? { address } : { address, name };
  };
}

const readPerson = personReader(PERSON_FIELDS);
const readRecipientPerson = personReader(RECIPIENT_FIELDS);
const readRecipientType = choiceReader(
  RECIPIENT_TYPES,
  said('cli.snapshot.expectedRecipientType', { allowed: RECIPIENT_TYPES.join(', ') }),
);

const readRecipient: Reader<Recipient> = (value, path, problems) => {
  const person = readRecipientPerson(value, path, problems);
  if (!isRecord(value) || !hasKey(value, 'type')) return person;
  const type = readMember(value, 'type', path, problems, readRecipientType);
  return person === undefined || type === undefined ? undefined : { ...person, type };
};

const readSize = integerReader(0, Number.MAX_SAFE_INTEGER, {
  notInteger: said('cli.snapshot.expectedSize'),
  outOfRange: () => said('cli.snapshot.expectedSize'),
});
const readInline = booleanReader(said('cli.snapshot.expectedBoolean'));

const readContent: Reader<string> = (value, path, problems) => {
  const content = readText(value, path, problems);
  if (content === undefined || BASE64.test(content)) return content;
  problems.push({ path, ...said('cli.snapshot.expectedBase64') });
  return undefined;
};

const readAttachment: Reader<AttachmentSnapshot> = (value, path, problems) => {
  const fields = readObject(value, path, ATTACHMENT_FIELDS, problems);
  if (fields === undefined) return undefined;
  const id = readMember(fields, 'id', path, problems, readText);
  const name = readRequired(fields, 'name', path, problems, readText, MISSING);
  const size = readRequired(fields, 'size', path, problems, readSize, MISSING);
  const inline = hasKey(fields, 'inline') ? readMember(fields, 'inline', path, problems, readInline) : false;
  const contentBase64 = readMember(fields, 'contentBase64', path, problems, readContent);
  if (name === undefined || size === undefined || inline === undefined) return undefined;
  return {
    ...(id === undefined ? {} : { id }),
    name,
    size,
    inline,
    ...(contentBase64 === undefined ? {} : { contentBase64 }),
  };
};

const readRecipients = list(readRecipient);

/**
 * Missing lists default to empty and missing text to '', so a hand-written fixture needs only what it tests;
 * unknown fields are errors, because a misspelt `originalRecipients` would silently change the verdict.
 */
export function parseSnapshot(document: unknown): Parsed<MessageSnapshot> {
  const problems: Problem[] = [];
  const fields = readObject(document, ROOT_PATH, MESSAGE_FIELDS, problems);
  if (fields === undefined) return { ok: false, problems };
  const member = <T>(key: string, read: Reader<T>): T | undefined => readMember(fields, key, ROOT_PATH, problems, read);
  const from = member('from', readPerson);
  const originalRecipients = member('originalRecipients', list(readPerson));
  const snapshot: MessageSnapshot = {
    ...(from === undefined ? {} : { from }),
    to: member('to', readRecipients) ?? [],
    cc: member('cc', readRecipients) ?? [],
    bcc: member('bcc', readRecipients) ?? [],
    ...(originalRecipients === undefined ? {} : { originalRecipients }),
    subject: member('subject', readText) ?? '',
    body: member('body', readText) ?? '',
    attachments: member('attachments', list(readAttachment)) ?? [],
  };
  return problems.length === 0 ? { ok: true, value: snapshot } : { ok: false, problems };
}
