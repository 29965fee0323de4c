// One table of messages through the three hosts of the one check (src/check): the built send handler
// (dist/launchevent.js, as classic Outlook loads it), the review pane's loadReview over the real Office
// gateway, and `preflight check` on a snapshot .json and on an .eml. Each must reach the same decision with
// the same rule ids; the pane and the handler must also agree on the fingerprint the user confirms.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Decision } from '../../src/policy/index.js';
import { officeGateway } from '../../src/taskpane/office-gateway.js';
import { loadReview } from '../../src/taskpane/review-session.js';
import { capturedIo } from '../cli/captured-io.js';
import { mailFile, MY_NUMBER, type MailAttachment } from '../cli/mail-fixtures.js';
import { attachment, createOfficeFake, recipient } from '../fakes/office-fake.js';

const ORIGIN = 'https://preflight.example';
const bundlePath = resolve(import.meta.dirname, '../../dist/launchevent.js');

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  trustedDomains: ['partner.co.jp'],
  mailingLists: ['*-all@example.co.jp'],
  keywords: [
    { term: '社外秘', action: 'block', where: ['subject', 'body'] },
    { term: '見積', action: 'warn', where: ['subject'] },
  ],
  personalData: [{ kind: 'my-number', recipients: 'external', atLeast: 1, action: 'block' }],
  attachments: { protection: { external: 'none' } },
};

interface Case {
  readonly name: string;
  readonly to: readonly { readonly address: string; readonly name: string }[];
  readonly subject: string;
  readonly body: string;
  readonly attachments?: readonly MailAttachment[];
  readonly decision: Decision;
  readonly rules: readonly string[];
}

const csv = (text: string): MailAttachment => ({ name: '名簿.csv', contentType: 'text/csv', bytes: Buffer.from(text, 'utf8') });

const CASES: readonly Case[] = [
  {
    name: 'internal only',
    to: [{ address: 'jiro@example.co.jp', name: '次郎' }],
    subject: '会議',
    body: 'よろしく',
    decision: 'allow',
    rules: [],
  },
  {
    name: 'one trusted partner',
    to: [{ address: 'hanako@partner.co.jp', name: 'Hanako' }],
    subject: 'ご連絡',
    body: 'よろしくお願いします。',
    decision: 'confirm',
    rules: ['external-recipient'],
  },
  {
    name: 'a keyword to watch and a list',
    to: [
      { address: 'sales-all@example.co.jp', name: '営業全員' },
      { address: 'someone@newclient.example', name: 'Someone' },
    ],
    subject: '見積のご送付',
    body: '本文',
    decision: 'confirm',
    rules: ['external-recipient', 'keyword', 'mailing-list'],
  },
  {
    name: 'My Number in the body, outside',
    to: [{ address: 'hanako@partner.co.jp', name: 'Hanako' }],
    subject: '手続き',
    body: `個人番号は ${MY_NUMBER} です。`,
    decision: 'block',
    rules: ['external-recipient', 'personal-data'],
  },
  {
    name: 'a blocked keyword inside',
    to: [{ address: 'jiro@example.co.jp', name: '次郎' }],
    subject: '社外秘: 計画',
    body: '本文',
    decision: 'block',
    rules: ['keyword'],
  },
  {
    name: 'a look-alike of the own domain',
    to: [{ address: 'taro@exаmple.co.jp', name: 'Taro' }],
    subject: '請求書',
    body: '本文',
    decision: 'block',
    rules: ['external-recipient', 'lookalike-domain'],
  },
  {
    name: 'My Number in an attached CSV, outside',
    to: [{ address: 'hanako@partner.co.jp', name: 'Hanako' }],
    subject: '名簿',
    body: '添付します。',
    attachments: [csv(`氏名,個人番号\n山田太郎,${MY_NUMBER}\n`)],
    decision: 'block',
    rules: ['external-recipient', 'attachment-to-external', 'personal-data'],
  },
  {
    name: 'a clean CSV, outside',
    to: [{ address: 'hanako@partner.co.jp', name: 'Hanako' }],
    subject: '資料',
    body: '添付します。',
    attachments: [csv('品名,数量\nりんご,3\n')],
    decision: 'confirm',
    rules: ['external-recipient', 'attachment-to-external'],
  },
];

interface Outcome {
  readonly decision: Decision;
  readonly rules: readonly string[];
  readonly fingerprint?: string;
}

const sortedUnique = (rules: readonly string[]): string[] => [...new Set(rules)].sort();

let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-three-hosts-'));
  await writeFile(join(directory, 'policy.json'), JSON.stringify(POLICY));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function outlookItem(entry: Case) {
  const files = entry.attachments ?? [];
  return createOfficeFake({
    mailbox: '1.15',
    mail: {
      from: recipient('taro@example.co.jp', 'user', '山田 太郎'),
      to: entry.to.map((person) => recipient(person.address, 'externalUser', person.name)),
      subject: entry.subject,
      body: entry.body,
      attachments: files.map((file) => attachment(file.name, file.bytes.byteLength)),
      attachmentContents: new Map(
        files.map((file) => [`id-${file.name}`, { format: 'base64', content: Buffer.from(file.bytes).toString('base64') }]),
      ),
    },
  });
}

/** The pane first (it inspects attachments and stores the outcomes), then Send on the same item. */
async function paneThenHandler(entry: Case): Promise<{ pane: Outcome; handler: Outcome }> {
  const fake = outlookItem(entry);
  const uninstall = fake.install();
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(POLICY), { status: 200 })));
  try {
    const loaded = await loadReview(officeGateway(ORIGIN), 1_000);
    if (!loaded.ok) throw new Error(`pane: ${JSON.stringify(loaded.problem)}`);
    const { verdict } = loaded.review;
    const pane = {
      decision: verdict.decision,
      rules: sortedUnique(verdict.findings.map((finding) => finding.rule)),
      fingerprint: verdict.fingerprint,
    };
    return { pane, handler: await sendThroughBundle(fake) };
  } finally {
    uninstall();
  }
}

async function sendThroughBundle(fake: ReturnType<typeof createOfficeFake>): Promise<Outcome> {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: npm run build`);
  const logged: string[] = [];
  const console = { log: (line: string) => void logged.push(line), warn: () => undefined, error: () => undefined };
  const boot = `var PREFLIGHT_BOOT = ${JSON.stringify({ origin: ORIGIN, policy: POLICY })};`;
  const fetch = () => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(POLICY)) });
  runInNewContext(`${boot}\n${readFileSync(bundlePath, 'utf8')}`, { Office: fake.office, console, setTimeout, clearTimeout, fetch });
  const handler = fake.associated.get('onMessageSendHandler');
  if (handler === undefined) throw new Error('onMessageSendHandler was not associated');
  const options = await new Promise<Office.SmartAlertsEventCompletedOptions | undefined>((done) =>
    handler({ completed: (completion?: unknown) => done(completion as Office.SmartAlertsEventCompletedOptions | undefined) }),
  );
  const line = logged.find((text) => text.startsWith('Preflight: '));
  const match = /^Preflight: (allow|confirm|block) -> \S+ \(policy: server; rules: ([^)]*)\)$/.exec(line ?? '');
  if (match === null) throw new Error(`no decision line in the handler's log: ${JSON.stringify(logged)}`);
  const decision = match[1] as Decision;
  expect(options?.allowEvent).toBe(decision === 'allow');
  const context = typeof options?.contextData === 'string' ? (JSON.parse(options.contextData) as { fingerprint: string }) : null;
  return {
    decision,
    rules: sortedUnique(match[2] === '' ? [] : match[2]!.split(',')),
    ...(context === null ? {} : { fingerprint: context.fingerprint }),
  };
}

async function cli(entry: Case, kind: 'json' | 'eml'): Promise<Outcome> {
  const file = join(directory, `${entry.name.replace(/[^a-z]+/gi, '-')}.${kind}`);
  const files = entry.attachments ?? [];
  const snapshot = {
    from: { address: 'taro@example.co.jp', name: '山田 太郎' },
    to: entry.to,
    cc: [],
    bcc: [],
    subject: entry.subject,
    body: entry.body,
    attachments: files.map((item) => ({
      name: item.name,
      size: item.bytes.byteLength,
      inline: false,
      contentBase64: Buffer.from(item.bytes).toString('base64'),
    })),
  };
  const to = entry.to.map((person) => `=?UTF-8?B?${Buffer.from(person.name).toString('base64')}?= <${person.address}>`).join(', ');
  await writeFile(
    file,
    kind === 'json' ? JSON.stringify(snapshot) : mailFile({ to, subject: entry.subject, body: entry.body, attachments: files }),
  );
  const io = capturedIo();
  await main(['check', '--format', 'json', '--policy', join(directory, 'policy.json'), file], io);
  const verdict = JSON.parse(io.stdout()) as { decision: Decision; findings: { rule: string }[]; fingerprint: string };
  return { decision: verdict.decision, rules: sortedUnique(verdict.findings.map((finding) => finding.rule)) };
}

describe('one check, three hosts', () => {
  it.each(CASES)('$name: $decision', async (entry) => {
    const expected = { decision: entry.decision, rules: sortedUnique(entry.rules) };
    const { pane, handler } = await paneThenHandler(entry);
    expect({ decision: pane.decision, rules: pane.rules }).toEqual(expected);
    expect({ decision: handler.decision, rules: handler.rules }).toEqual(expected);
    if (entry.decision === 'confirm') expect(handler.fingerprint).toBe(pane.fingerprint);
    expect(await cli(entry, 'json')).toEqual(expected);
    expect(await cli(entry, 'eml')).toEqual(expected);
  });
});
