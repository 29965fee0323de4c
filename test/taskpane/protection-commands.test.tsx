// The pane's protection commands over the real Office gateway (src/office) on the typed Office fake
// (test/fakes/office-fake.ts, cut from @types/office-js), with only the backend faked. Whatever fails, the
// item keeps its files and body unless the protected version is in place, and the pane shows why.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentInspection } from '../../src/policy/index.js';
import type { AuditEventInput, CreateLinksRequest } from '../../src/protocol/index.js';
import { ProtectSection } from '../../src/taskpane/components/ProtectSection.js';
import { officeGateway } from '../../src/taskpane/office-gateway.js';
import type { PaneGateway } from '../../src/taskpane/pane-gateway.js';
import { INITIAL_PANE_STATE, reducePane, type PaneEvent, type PaneState } from '../../src/taskpane/pane-state.js';
import { paneText } from '../../src/taskpane/pane-text.js';
import { PaneTextContext } from '../../src/taskpane/pane-text-context.js';
import {
  passwordLinkCommand,
  protectLinksCommand,
  protectZipCommand,
  type CommandContext,
} from '../../src/taskpane/protection-commands.js';
import { loadReview, type Review } from '../../src/taskpane/review-session.js';
import { attachment, createOfficeFake, recipient, type OfficeFake } from '../fakes/office-fake.js';

const ORIGIN = 'https://preflight.example';
const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  attachments: { protection: { external: 'zip', link: { requireCode: false } } },
};
const XLSX = attachment('顧客.xlsx', 12, false, 'a1');
const PDF = attachment('仕様.pdf', 5, false, 'a2');
const BODY = '<p>Dear Hanako,</p>';
const TEXT = paneText('en');

interface Backend {
  readonly failing?: 'protect' | 'create' | 'upload' | 'complete';
}

interface Pane {
  readonly fake: OfficeFake;
  readonly gateway: PaneGateway;
  readonly context: CommandContext;
  readonly review: Review;
  readonly events: PaneEvent[];
  readonly audit: AuditEventInput[];
  readonly created: CreateLinksRequest[];
  readonly uploaded: string[];
  readonly revoked: string[];
  state(): PaneState;
  evaluations(): number;
}

let uninstall: () => void = () => undefined;
let fake: OfficeFake;

beforeEach(() => {
  fake = createOfficeFake({
    mail: {
      to: [recipient('hanako@partner.co.jp')],
      cc: [recipient('bob@other.com')],
      subject: '見積書',
      body: BODY,
      attachments: [XLSX, PDF],
      attachmentContents: new Map([
        ['a1', { format: 'base64', content: Buffer.from('0123456789ab').toString('base64') }],
        ['a2', { format: 'base64', content: Buffer.from('hello').toString('base64') }],
      ]),
    },
  });
  uninstall = fake.install();
});

afterEach(() => uninstall());

const clean = (file: { name: string; size: number }): AttachmentInspection => ({
  name: file.name,
  size: file.size,
  status: 'inspected',
  reason: '',
  unread: [],
  personalData: [],
});

/** The pane as use-review.ts wires it, with the server's side answered here. */
async function openPane(backend: Backend = {}): Promise<Pane> {
  const events: PaneEvent[] = [];
  const audit: AuditEventInput[] = [];
  const created: CreateLinksRequest[] = [];
  const uploaded: string[] = [];
  const revoked: string[] = [];
  let evaluations = 0;
  const refuse = (stage: Backend['failing']) => (backend.failing === stage ? new Error(`HTTP 503: ${stage ?? ''} unavailable`) : null);
  const gateway: PaneGateway = {
    ...officeGateway(ORIGIN),
    fetchPolicyDocument: () => Promise.resolve(POLICY),
    inspectAttachment: (file) => Promise.resolve(clean(file)),
    postAuditEvents: (events) => {
      audit.push(...events);
      return Promise.resolve();
    },
    protectZip: (request, onUpload) => {
      onUpload(10, 10);
      const refused = refuse('protect');
      if (refused !== null) return Promise.reject(refused);
      return Promise.resolve({
        name: `${request.archiveName}.zip`,
        size: 300,
        method: request.method ?? 'aes256',
        password: 'Kp7vQw3ZrT9xMh2nB4cD',
        contentBase64: 'UEsDBBQAAAAAAA==',
      });
    },
    createLinks: (request) => {
      created.push(request);
      const refused = refuse('create');
      if (refused !== null) return Promise.reject(refused);
      return Promise.resolve({
        id: 'p1',
        expiresAt: '2026-12-13T09:00:00.000Z',
        files: request.files.map((file, index) => ({
          id: `f${index}`,
          name: file.name,
          size: file.size,
          uploadPath: `/api/links/p1/files/f${index}`,
        })),
      });
    },
    uploadLinkFile: (_path, bytes, onProgress) => {
      const refused = refuse('upload');
      if (refused !== null) return Promise.reject(refused);
      uploaded.push(new TextDecoder().decode(bytes));
      onProgress(bytes.length);
      return Promise.resolve();
    },
    completeLinks: (id) => {
      const refused = refuse('complete');
      if (refused !== null) return Promise.reject(refused);
      return Promise.resolve({
        id,
        expiresAt: '2026-12-13T09:00:00.000Z',
        links: created.at(-1)?.recipients.map((to) => ({ recipient: to, url: `https://preflight.example/d/${to}` })) ?? [],
      });
    },
    revokeLinks: (id) => {
      revoked.push(id);
      return Promise.resolve();
    },
  };
  const loaded = await loadReview(gateway, 1_000);
  if (!loaded.ok) throw new Error(`the pane did not load: ${JSON.stringify(loaded.problem)}`);
  fake.calls.length = 0;
  const context: CommandContext = {
    gateway,
    dispatch: (event) => events.push(event),
    evaluateAgain: () => {
      evaluations += 1;
      return Promise.resolve();
    },
  };
  return {
    fake,
    gateway,
    context,
    review: loaded.review,
    events,
    audit,
    created,
    uploaded,
    revoked,
    state: () => events.reduce(reducePane, { ...INITIAL_PANE_STATE, review: loaded.review, work: null }),
    evaluations: () => evaluations,
  };
}

/** The protection section as the pane renders it for this state. */
function shown(state: PaneState): string {
  if (state.review === null) throw new Error('no review');
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={TEXT}>
        <ProtectSection
          review={state.review}
          zip={state.zip}
          link={state.link}
          busy={false}
          onProtectZip={() => undefined}
          onProtectLinks={() => undefined}
          onSharePasswordByLink={() => Promise.resolve({ ok: true })}
          onSendPassword={() => undefined}
        />
      </PaneTextContext.Provider>
    </FluentProvider>,
  );
}

const operations = (pane: Pane) => pane.fake.calls.map((call) => call.operation);
const names = () => fake.mail.attachments.map((file) => file.name);

describe('protectZipCommand', () => {
  it('replaces the files with the recorded ZIP, shows the password, reports it and checks again', async () => {
    const pane = await openPane();
    await protectZipCommand(pane.context, pane.review, 'aes256', 'Documents');
    expect(names()).toEqual(['Documents.zip']);
    expect(JSON.parse(fake.mail.sessionData.get('preflight.protection') ?? '{}')).toMatchObject({
      zips: [{ name: 'Documents.zip', method: 'aes256' }],
    });
    expect(pane.state().zip).toMatchObject({ ok: true, name: 'Documents.zip', password: 'Kp7vQw3ZrT9xMh2nB4cD' });
    expect(pane.state().work).toBeNull();
    expect(pane.audit.map((event) => [event.kind, event.decision])).toEqual([['protect', 'zip']]);
    expect(pane.evaluations()).toBe(1);
  });

  it('leaves the message as it was when the server refuses, and shows the failure', async () => {
    const pane = await openPane({ failing: 'protect' });
    const before = structuredClone(fake.mail.attachments);
    await protectZipCommand(pane.context, pane.review, 'aes256', 'Documents');
    expect(fake.mail.attachments).toEqual(before);
    expect(fake.mail.body).toBe(BODY);
    expect(fake.mail.sessionData.has('preflight.protection')).toBe(false);
    expect(operations(pane)).not.toContain('addFileAttachmentFromBase64Async');
    expect(operations(pane)).not.toContain('removeAttachmentAsync');
    expect(pane.state().zip).toMatchObject({ ok: false, stage: 'protect', originalsKept: true });
    expect(shown(pane.state())).toContain('data-testid="preflight-protect-failed"');
    expect(shown(pane.state())).toContain('HTTP 503: protect unavailable');
    expect(pane.audit).toEqual([]);
  });

  it('keeps every original when Outlook refuses to add the ZIP', async () => {
    const pane = await openPane();
    fake.behave('addFileAttachmentFromBase64Async', { kind: 'fail', name: 'AttachmentSizeExceeded' });
    await protectZipCommand(pane.context, pane.review, 'aes256', 'Documents');
    expect(names()).toEqual(['顧客.xlsx', '仕様.pdf']);
    expect(operations(pane)).not.toContain('removeAttachmentAsync');
    expect(pane.state().zip).toMatchObject({ ok: false, stage: 'add', originalsKept: true });
    expect(shown(pane.state())).toContain('data-testid="preflight-protect-failed"');
  });
});

describe('protectLinksCommand', () => {
  it('puts the links in the body before the files go, for the recipients the message has now', async () => {
    const pane = await openPane();
    fake.mail.cc = [recipient('carol@third.example')];
    await protectLinksCommand(pane.context, pane.review, TEXT);
    expect(pane.created.map((request) => request.recipients)).toEqual([['hanako@partner.co.jp', 'carol@third.example']]);
    expect(pane.uploaded).toEqual(['0123456789ab', 'hello']);
    expect(fake.mail.body.endsWith(BODY)).toBe(true);
    expect(fake.mail.body).toContain('https://preflight.example/d/carol@third.example');
    expect(names()).toEqual([]);
    const order = operations(pane);
    expect(order.indexOf('body.prependAsync')).toBeLessThan(order.indexOf('removeAttachmentAsync'));
    expect(pane.state().link).toMatchObject({ ok: true });
    expect(pane.audit.map((event) => [event.kind, event.decision])).toEqual([['protect', 'link']]);
    expect(pane.evaluations()).toBe(1);
  });

  it('withdraws the package and leaves body and files alone when an upload fails, and shows the failure', async () => {
    const pane = await openPane({ failing: 'upload' });
    await protectLinksCommand(pane.context, pane.review, TEXT);
    expect(pane.revoked).toEqual(['p1']);
    expect(fake.mail.body).toBe(BODY);
    expect(names()).toEqual(['顧客.xlsx', '仕様.pdf']);
    expect(operations(pane)).not.toContain('body.prependAsync');
    expect(pane.state().link).toMatchObject({ ok: false, stage: 'upload', originalsKept: true });
    expect(shown(pane.state())).toContain('data-testid="preflight-links-failed"');
    expect(pane.audit).toEqual([]);
  });

  it('refuses a message with Bcc before anything goes to the server', async () => {
    const pane = await openPane();
    fake.mail.bcc = [recipient('boss@example.co.jp', 'user')];
    await protectLinksCommand(pane.context, pane.review, TEXT);
    expect(pane.created).toEqual([]);
    expect(names()).toEqual(['顧客.xlsx', '仕様.pdf']);
    expect(pane.state().link).toMatchObject({ ok: false, stage: 'recipients', detail: 'bcc' });
    expect(shown(pane.state())).toContain(TEXT('pane.link.failed.recipients.bcc'));
  });

  it('fails as a whole, with nothing created, when the item cannot be read', async () => {
    const pane = await openPane();
    fake.behave('to.getAsync', { kind: 'fail' });
    await expect(protectLinksCommand(pane.context, pane.review, TEXT)).rejects.toThrow();
    expect(pane.created).toEqual([]);
    expect(fake.mail.body).toBe(BODY);
    expect(names()).toEqual(['顧客.xlsx', '仕様.pdf']);
  });
});

describe('passwordLinkCommand', () => {
  it('opens a separate message with the link to the people the message goes to now, the password only behind it', async () => {
    const pane = await openPane();
    fake.mail.to = [recipient('jiro@partner.co.jp')];
    const outcome = await passwordLinkCommand(pane.gateway, pane.review, TEXT, 'Documents.zip', 'Kp7vQw3ZrT9xMh2nB4cD');
    expect(outcome).toEqual({ ok: true });
    expect(pane.created.map((request) => request.recipients)).toEqual([['jiro@partner.co.jp', 'bob@other.com']]);
    expect(pane.uploaded.join('')).toContain('Kp7vQw3ZrT9xMh2nB4cD');
    expect(fake.newMessages).toHaveLength(1);
    expect(fake.newMessages[0]).toMatchObject({ toRecipients: ['jiro@partner.co.jp'], ccRecipients: ['bob@other.com'] });
    expect(JSON.stringify(fake.newMessages[0])).not.toContain('Kp7vQw3ZrT9xMh2nB4cD');
    expect(fake.mail.body).toBe(BODY);
  });

  it('opens no message and withdraws the package when the server fails to complete it', async () => {
    const pane = await openPane({ failing: 'complete' });
    const outcome = await passwordLinkCommand(pane.gateway, pane.review, TEXT, 'Documents.zip', 'Kp7vQw3ZrT9xMh2nB4cD');
    expect(outcome).toMatchObject({ ok: false, stage: 'complete', detail: 'HTTP 503: complete unavailable' });
    expect(fake.newMessages).toEqual([]);
    expect(pane.revoked).toEqual(['p1']);
  });

  it('asks the server for nothing when the item cannot be read', async () => {
    const pane = await openPane();
    fake.behave('to.getAsync', { kind: 'fail' });
    const outcome = await passwordLinkCommand(pane.gateway, pane.review, TEXT, 'Documents.zip', 'Kp7vQw3ZrT9xMh2nB4cD');
    expect(outcome).toMatchObject({ ok: false, stage: 'read' });
    expect(pane.created).toEqual([]);
    expect(fake.newMessages).toEqual([]);
  });
});
