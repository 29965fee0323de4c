// Issue 15's acceptance for the importer: FlexConfirmMail's folder with every construct becomes a policy
// that the policy check accepts, and each recipient gets the class FlexConfirmMail would give it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLEXCONFIRMMAIL_FILES, importFlexConfirmMail } from '../../../src/cli/import/flexconfirmmail/flexconfirmmail-import.js';
import { decodeSettingsText } from '../../../src/cli/import/settings-text.js';
import { evaluate, parsePolicy, type Policy } from '../../../src/policy/index.js';
import { flexConfirmMailIncludes } from './recipient-membership.js';

const FOLDER = join(import.meta.dirname, '../fixtures/import/flexconfirmmail');

function text(name: string): string {
  const decoded = decodeSettingsText(readFileSync(join(FOLDER, name)));
  if (decoded === null) throw new Error(`${name} is not text`);
  return decoded;
}

const texts = new Map(FLEXCONFIRMMAIL_FILES.map((name) => [name, text(name)]));

const SECTIONS = ['[WARNING]', '[BLOCK]', '[REWARNING]'];

/** An unknown section header is ignored by FlexConfirmMail: the lines under it stay in the section before. */
function section(lines: readonly string[], name: string): string[] {
  const start = lines.indexOf(name);
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && SECTIONS.includes(line.trim()));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => !line.startsWith('['));
}

const trustedLines = (texts.get('TrustedDomains.txt') ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
const unsafeLines = (texts.get('UnsafeDomains.txt') ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
const warning = unsafeLines.slice(
  0,
  unsafeLines.findIndex((line) => line.startsWith('[')),
);
const block = section(unsafeLines, '[BLOCK]');
const rewarning = section(unsafeLines, '[REWARNING]');

type RecipientClass = 'block' | 'warn' | 'internal' | 'external';

/** FlexConfirmMail's class (its documentation): unsafe first; with UntrustUnsafeRecipients an unsafe one is never trusted. */
function flexConfirmMailClass(address: string): RecipientClass {
  if (flexConfirmMailIncludes(block, address)) return 'block';
  if (flexConfirmMailIncludes(warning, address) || flexConfirmMailIncludes(rewarning, address)) return 'warn';
  return flexConfirmMailIncludes(trustedLines, address) ? 'internal' : 'external';
}

function preflightClass(policy: Policy, address: string): RecipientClass {
  const verdict = evaluate({ to: [{ address }], cc: [], bcc: [], subject: '', body: '', attachments: [] }, policy, {});
  const rules = verdict.findings.map((finding) => finding.rule);
  if (rules.includes('blocked-recipient')) return 'block';
  if (rules.includes('attention-recipient')) return 'warn';
  return rules.includes('external-recipient') ? 'external' : 'internal';
}

describe('a FlexConfirmMail folder with every construct', () => {
  const { document, notes } = importFlexConfirmMail(texts);
  const parsed = parsePolicy(document);

  it('imports into a policy the policy check accepts', () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  // `example.*` (a wildcard in the last label) is the one construct Preflight refuses; addresses it alone
  // would cover are left out, since the policy cannot say it.
  it.each([
    'taro@example.co.jp',
    'taro@mail.example.co.jp',
    'taro@example-group.co.jp',
    'taro@sub.example-group.co.jp',
    'taro@a.branch.example.net',
    'sales@partner.example',
    'other@partner.example',
    'a.trusted@example.com',
    'taro@old.example.co.jp',
    'taro@freemail.example',
    'taro@leak.example',
    'taro@sub.leak.example',
    'x@competitor.example',
    'ceo@partner.example',
    'taro@again.example',
    'taro@elsewhere.example',
  ])('%s gets the same class', (address) => {
    if (!parsed.ok) throw new Error('no policy');
    expect(preflightClass(parsed.policy, address)).toBe(flexConfirmMailClass(address));
  });

  it('differs, and says so, where an exclusion names no entry of its own file', () => {
    // FlexConfirmMail's `-retired@example.co.jp` removes only that same entry, so with none it does nothing;
    // Preflight keeps the exclusion the administrator wrote, and the import lists it.
    if (!parsed.ok) throw new Error('no policy');
    expect(flexConfirmMailClass('retired@example.co.jp')).toBe('internal');
    expect(preflightClass(parsed.policy, 'retired@example.co.jp')).toBe('external');
    expect(notes.some((item) => item.reason === 'exclusion-wider' && item.file === 'TrustedDomains.txt')).toBe(true);
  });
});
