// Checks the built dist/launchevent.js the way classic Outlook's JS-only runtime will meet it: one
// ES2016 script, no DOM, no webpack runtime, handlers bound when it loads. `npm test` builds first; for a
// local run: npx webpack --mode production --config-name handler
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { translateForHandler } from '../../src/i18n/handler-strings.js';
import type { LaunchEvent } from '../../src/office/index.js';
import { attachment, createOfficeFake, recipient, type FakeMailbox } from '../fakes/office-fake.js';
import { freeReferences } from './free-references.js';

const bundlePath = resolve(import.meta.dirname, '../../dist/launchevent.js');
const policyDocument: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../config/policy.json'), 'utf8'));

function bundle(): string {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run npx webpack --mode production --config-name handler`);
  return readFileSync(bundlePath, 'utf8');
}

function loadInContext(prelude: string, office: unknown): void {
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  runInNewContext(`${prelude}\n${bundle()}`, { Office: office, console: quiet, setTimeout, clearTimeout }, { filename: 'launchevent.js' });
}

describe('dist/launchevent.js', () => {
  it('parses as an ES2016 script (no modules, no newer syntax)', () => {
    expect(() => parse(bundle(), { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
  });

  it('uses no DOM, no localStorage and no webpack runtime', () => {
    const names = freeReferences(parse(bundle(), { ecmaVersion: 2016, sourceType: 'script' }));
    for (const name of ['document', 'window', 'localStorage', '__webpack_require__', '__webpack_modules__', 'webpackHotUpdate']) {
      expect(names.has(name), name).toBe(false);
    }
    expect([...names].filter((name) => ['Office', 'PREFLIGHT_BOOT', 'fetch', 'setTimeout'].includes(name)).sort()).toEqual([
      'Office',
      'PREFLIGHT_BOOT',
      'fetch',
      'setTimeout',
    ]);
    expect(bundle()).not.toMatch(/webpackHotUpdate|webpack-dev-server|__webpack_require__/);
  });

  it('binds every manifest function name when it loads, without Office.onReady', () => {
    const fake = createOfficeFake();
    let readyCalls = 0;
    loadInContext('', { ...fake.office, onReady: () => (readyCalls += 1) });
    expect([...fake.associated.keys()].sort()).toEqual([
      'onAppointmentSendHandler',
      'onMessageAttachmentsChangedHandler',
      'onMessageSendHandler',
      'onNewAppointmentOrganizerHandler',
      'onNewMessageComposeHandler',
    ]);
    expect(readyCalls).toBe(0);
  });

  describe('runs a send end to end with the policy the server embeds', () => {
    const prelude = `var PREFLIGHT_BOOT = ${JSON.stringify({ origin: 'https://preflight.example', policy: policyDocument })};`;

    async function send(
      mail: Partial<FakeMailbox>,
      meeting = false,
      displayLanguage = 'en-US',
    ): Promise<Office.SmartAlertsEventCompletedOptions | undefined> {
      const fake = createOfficeFake({ mailbox: '1.15', mail, meeting, displayLanguage });
      loadInContext(prelude, fake.office);
      const name = meeting ? 'onAppointmentSendHandler' : 'onMessageSendHandler';
      const handler = fake.associated.get(name);
      if (handler === undefined) throw new Error(`${name} was not associated`);
      const calls: Array<Office.SmartAlertsEventCompletedOptions | undefined> = [];
      await new Promise<void>((done) => {
        const event: LaunchEvent = {
          completed: (options) => {
            calls.push(options as Office.SmartAlertsEventCompletedOptions | undefined);
            done();
          },
        };
        handler(event);
      });
      expect(calls).toHaveLength(1);
      return calls[0];
    }

    it('allows mail that stays inside the organisation', async () => {
      expect(await send({ to: [recipient('jiro@example.co.jp', 'user')], subject: '会議' })).toEqual({ allowEvent: true });
    });

    it('asks for a review of mail to a new outside domain', async () => {
      const options = await send({ to: [recipient('someone@newclient.example')], subject: '打ち合わせ' });
      expect(options).toMatchObject({ allowEvent: false, commandId: 'msgComposeOpenPaneButton', cancelLabel: 'Review' });
    });

    it('asks for a review of a meeting with an outside attendee, from the appointment surface', async () => {
      const options = await send({ requiredAttendees: [recipient('someone@newclient.example')], subject: '打ち合わせ' }, true);
      expect(options).toMatchObject({ allowEvent: false, commandId: 'apptOrganizerOpenPaneButton', cancelLabel: 'Review' });
    });

    it('blocks a blocked keyword in the subject', async () => {
      const options = await send({ to: [recipient('jiro@example.co.jp', 'user')], subject: '社外秘: 計画' });
      expect(options?.allowEvent).toBe(false);
      expect(options).not.toHaveProperty('commandId');
    });

    // The handler build carries the string tables compressed (scripts/compressed-tables-loader.js).
    it.each([
      ['en-US', 'en'],
      ['ja-JP', 'ja'],
    ] as const)('words a block with the string tables, unpacked (%s)', async (displayLanguage, locale) => {
      const options = await send({ to: [recipient('jiro@example.co.jp', 'user')], subject: '社外秘: 計画' }, false, displayLanguage);
      expect(options?.errorMessage).toContain(translateForHandler(locale, 'handler.block.title'));
      expect(options?.errorMessage).toContain(translateForHandler(locale, 'finding.keyword.subject', { term: '社外秘' }));
    });

    it('inspects an added CSV in the attachments handler, then blocks its My Number to the outside at send', async () => {
      const csv = Buffer.from('氏名,個人番号\n山田太郎,1234 5678 9018\n', 'utf8');
      const fake = createOfficeFake({
        mailbox: '1.15',
        mail: {
          to: [recipient('hanako@partner.co.jp')],
          attachments: [attachment('名簿.csv', csv.length)],
          attachmentContents: new Map([['id-名簿.csv', { format: 'base64', content: csv.toString('base64') }]]),
        },
      });
      loadInContext(prelude, fake.office);
      const completions: Array<Office.SmartAlertsEventCompletedOptions | undefined> = [];
      for (const name of ['onMessageAttachmentsChangedHandler', 'onMessageSendHandler']) {
        const handler = fake.associated.get(name);
        if (handler === undefined) throw new Error(`${name} was not associated`);
        await new Promise<void>((done) => {
          handler({
            completed: (options) => {
              completions.push(options as Office.SmartAlertsEventCompletedOptions | undefined);
              done();
            },
          });
        });
      }
      expect(completions).toHaveLength(2);
      expect(completions[1]?.allowEvent).toBe(false);
      expect(completions[1]?.errorMessage).toContain('1234 **** 9018');
    });
  });
});

describe("dist/launchevent.js keeps the sender's recipient history", () => {
  async function sendWith(
    policy: unknown,
    fake: ReturnType<typeof createOfficeFake>,
  ): Promise<Office.SmartAlertsEventCompletedOptions | undefined> {
    loadInContext(`var PREFLIGHT_BOOT = ${JSON.stringify({ origin: null, policy })};`, fake.office);
    const handler = fake.associated.get('onMessageSendHandler');
    if (handler === undefined) throw new Error('onMessageSendHandler was not associated');
    return new Promise((done) => handler({ completed: (options) => done(options as Office.SmartAlertsEventCompletedOptions | undefined) }));
  }

  it('records an allowed mail in the roaming settings; the next one to a slip of that address names it', async () => {
    const quiet = { internalDomains: ['example.co.jp'], severities: { 'external-recipient': 'info', 'first-time-recipient': 'info' } };
    const first = createOfficeFake({ mailbox: '1.15', mail: { to: [recipient('tanaka.k@partner.co.jp')] }, roamingSettings: {} });
    expect(await sendWith(quiet, first)).toEqual({ allowEvent: true });
    const stored = first.savedRoamingSettings.get('preflight.history');
    expect(stored).toMatch(/^h1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/);

    const second = createOfficeFake({
      mailbox: '1.15',
      mail: { to: [recipient('tanaka@partner.co.jp')] },
      roamingSettings: { 'preflight.history': stored },
    });
    const options = await sendWith(policyDocument, second);
    expect(options?.allowEvent).toBe(false);
    expect(options?.errorMessage).toContain('tanaka.k@partner.co.jp');
  });
});

describe('freeReferences', () => {
  it.each([
    ['function f(document) { return document; }', []],
    ['function f() { var window = 1; { let localStorage = 2; } return localStorage + window; }', ['localStorage']],
    ['try { x(); } catch (document) { document.title; } document.title;', ['x', 'document']],
    ['var o = { document: 1, window }; o.localStorage;', ['window']],
    ['(function window() { return window; })(); class A { document() {} }', []],
    ['for (let document of []) {} document;', ['document']],
  ])('%s', (source, expected) => {
    const names = freeReferences(parse(source, { ecmaVersion: 2016, sourceType: 'script' }));
    expect([...names].filter((name) => ['document', 'window', 'localStorage', 'x'].includes(name)).sort()).toEqual([...expected].sort());
  });
});
