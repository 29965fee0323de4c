// The console's dry-run in Node: mail files read and their attachments inspected as the page does, then the
// table it shows (docs/admin.md "Dry-run"). The page itself is tested in test/browser/admin-policy-flow.test.ts.
import { describe, expect, it } from 'vitest';
import { MAX_DRY_RUN_FILE_BYTES, readDryRunFile, type DryRunFile, type DryRunRead } from '../../src/admin/dry-run-files.js';
import { dryRunTable } from '../../src/admin/dry-run-view.js';
import { draftState, draftText } from '../../src/admin/policy-draft.js';
import type { DryRunMessage } from '../../src/check/dry-run.js';
import type { AttachmentInspection } from '../../src/policy/index.js';
import { mailFile, plainText, shiftJisCsv } from '../cli/mail-fixtures.js';

function file(name: string, text: string): DryRunFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, bytes: async () => bytes.buffer };
}

function message(read: DryRunRead): DryRunMessage {
  if (!read.ok) throw new Error(`${read.name}: ${read.failure}`);
  return read.message;
}

const ACTIVE = { version: 1, internalDomains: ['example.co.jp'], keywords: [{ term: '社外秘', action: 'warn' }] };
const BLOCKING = { ...ACTIVE, keywords: [{ term: '社外秘', action: 'block' }] };

describe('reading a dry-run file', () => {
  it('reads the message and inspects its file attachments with the pane’s extraction', async () => {
    const read = await readDryRunFile(
      file(
        'roster.eml',
        mailFile({ to: 'hanako@partner.example', subject: '名簿', body: 'ご確認ください。', attachments: [shiftJisCsv()] }),
      ),
    );
    const { snapshot, attachments } = message(read);
    expect(snapshot.to).toEqual([{ address: 'hanako@partner.example' }]);
    expect(snapshot.subject).toBe('名簿');
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ name: '社員名簿.csv', status: 'inspected' });
    expect(attachments[0]!.personalData.map((found) => found.kind)).toContain('my-number');
  });

  it('reads an attachment met twice once', async () => {
    const seen: string[] = [];
    const inspect = async (
      attachment: { readonly name: string; readonly size: number },
      bytes: Uint8Array,
    ): Promise<AttachmentInspection> => {
      seen.push(`${attachment.name} ${new TextDecoder().decode(bytes)}`);
      return { name: attachment.name, size: attachment.size, status: 'inspected', reason: '', unread: [], personalData: [] };
    };
    const note = plainText('note.txt', 'hello');
    await readDryRunFile(
      file('twice.eml', mailFile({ to: 'a@partner.example', subject: 's', body: 'b', attachments: [note, note] })),
      inspect,
    );
    expect(seen).toEqual(['note.txt hello']);
  });

  it('names a file that is not mail, one too large and one the browser cannot read, without reading further', async () => {
    expect(await readDryRunFile(file('notes.eml', 'just some text\nwithout headers'))).toMatchObject({
      ok: false,
      name: 'notes.eml',
      failure: 'not-mail',
    });
    let asked = false;
    const huge: DryRunFile = {
      name: 'huge.eml',
      size: MAX_DRY_RUN_FILE_BYTES + 1,
      bytes: async () => {
        asked = true;
        return new ArrayBuffer(0);
      },
    };
    expect(await readDryRunFile(huge)).toMatchObject({ ok: false, name: 'huge.eml', failure: 'too-large' });
    expect(asked).toBe(false);
    const gone: DryRunFile = {
      name: 'gone.eml',
      size: 10,
      bytes: () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError')),
    };
    expect(await readDryRunFile(gone)).toMatchObject({
      ok: false,
      name: 'gone.eml',
      failure: 'read-failed',
      detail: expect.stringContaining('could not be read'),
    });
  });
});

describe('the dry-run table', () => {
  const messages = async () => [
    message(
      await readDryRunFile(
        file('secret.eml', mailFile({ to: 'hanako@partner.example', subject: '社外秘: 見積', body: '添付をご確認ください。' })),
      ),
    ),
    message(await readDryRunFile(file('lunch.eml', mailFile({ to: 'jiro@example.co.jp', subject: 'Lunch', body: 'noon?' })))),
  ];

  it('counts the messages whose verdict the draft changes', async () => {
    const table = dryRunTable(await messages(), ACTIVE, draftState(draftText(BLOCKING)));
    expect(table.kind).toBe('rows');
    if (table.kind !== 'rows') return;
    expect(table.changed).toBe(1);
    expect(table.rows.map((row) => [row.name, row.active.decision, row.draft.decision, row.changed])).toEqual([
      ['secret.eml', 'confirm', 'block', true],
      ['lunch.eml', 'allow', 'allow', false],
    ]);
    expect(table.rows[0]!.draft.blocking).toEqual(['keyword']);
  });

  it('waits for a draft that is a policy, and says when the active version cannot be read', async () => {
    expect(dryRunTable(await messages(), ACTIVE, draftState('{ "version": 1,'))).toEqual({ kind: 'draft-invalid' });
    expect(dryRunTable(await messages(), ACTIVE, draftState(draftText({ ...ACTIVE, bccSuggestThreshold: 'many' })))).toEqual({
      kind: 'draft-invalid',
    });
    expect(dryRunTable(await messages(), { version: 'one' }, draftState(draftText(BLOCKING)))).toEqual({ kind: 'active-invalid' });
  });

  it('shows the same verdict on both sides when nothing changed', async () => {
    const table = dryRunTable(await messages(), ACTIVE, draftState(draftText(ACTIVE)));
    expect(table).toMatchObject({ kind: 'rows', changed: 0 });
  });
});
