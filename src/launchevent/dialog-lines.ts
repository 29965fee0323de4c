// What the Smart Alerts dialog lists, so the person sees what to check before opening anything: the
// outside domains (with their addresses when few), attachment names, and one line per kind of finding.
import type { Locale } from '../i18n/locale.js';
import { translateForHandler as translate } from '../i18n/handler-strings.js';
import { characterName, toUnicodeDomain, type ChecklistItem, type Finding, type RuleId, type Verdict } from '../policy/index.js';

/** Up to this many outside addresses are named one by one; past it, each domain gets a count. */
const ADDRESSES_NAMED = 4;

/** Rules whose findings are the recipient and attachment lines already. */
const LISTED_RULES: readonly RuleId[] = ['external-recipient', 'attachment-to-external'];

interface OutsideDomain {
  readonly domain: string;
  readonly addresses: string[];
}

function outsideDomains(checklist: readonly ChecklistItem[]): OutsideDomain[] {
  const byDomain = new Map<string, OutsideDomain>();
  const add = (domain: string, address: string): void => {
    const key = domain === '' ? address.toLowerCase() : domain;
    const entry = byDomain.get(key) ?? { domain: domain === '' ? address : toUnicodeDomain(domain), addresses: [] };
    byDomain.set(key, entry);
    if (!entry.addresses.some((known) => known.toLowerCase() === address.toLowerCase())) entry.addresses.push(address);
  };
  for (const item of checklist) {
    // A list that reaches outside is named under each outside domain it reaches, or alone when they are not known.
    if (item.kind === 'recipient' && item.outsideDomains !== undefined) {
      if (item.outsideDomains.length === 0) add('', item.address);
      for (const domain of item.outsideDomains) add(domain, item.address);
    } else if (item.kind === 'recipient' && item.external) add(item.domain, item.address);
    if (item.kind === 'domain') for (const recipient of item.recipients) add(item.domain, recipient.address);
  }
  return [...byDomain.values()];
}

export function recipientLines(checklist: readonly ChecklistItem[], locale: Locale): string[] {
  const domains = outsideDomains(checklist);
  const total = domains.reduce((sum, entry) => sum + entry.addresses.length, 0);
  return domains.map((entry) =>
    total <= ADDRESSES_NAMED
      ? translate(locale, 'handler.line.outside', { domain: entry.domain, addresses: entry.addresses.join(', ') })
      : translate(locale, 'handler.line.outsideCount', { domain: entry.domain, count: entry.addresses.length }),
  );
}

export function attachmentLine(checklist: readonly ChecklistItem[], locale: Locale): string[] {
  const names: string[] = [];
  for (const item of checklist) if (item.kind === 'attachment') names.push(item.name);
  return names.length === 0 ? [] : [translate(locale, 'handler.line.attachments', { names: names.join(', ') })];
}

/** `exаmple.co.jp — "а" is CYRILLIC SMALL LETTER A (U+0430)`: the character a reader cannot see. */
function lookalikeLine(finding: Finding, locale: Locale): string | null {
  const { char, codePoint, script, domain } = finding.params;
  if (typeof char !== 'string' || char === '' || typeof codePoint !== 'string') return null;
  const name = characterName(char) ?? (typeof script === 'string' ? script : '');
  return translate(locale, 'handler.line.lookalike', { domain: String(domain), char, name, codePoint });
}

function findingLine(finding: Finding, locale: Locale): string {
  if (finding.rule === 'lookalike-domain') {
    const line = lookalikeLine(finding, locale);
    if (line !== null) return line;
  }
  return translate(locale, finding.messageKey, finding.params);
}

/**
 * One line per kind of finding at `severity`: the finding's own message when it is the only one of its
 * kind, else its first message and how many more there are. Unprotected attachments share one line.
 */
export function findingLines(verdict: Verdict, severity: 'confirm' | 'block', locale: Locale): string[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of verdict.findings) {
    if (finding.severity !== severity || (severity === 'confirm' && LISTED_RULES.includes(finding.rule))) continue;
    const group = byRule.get(finding.rule);
    if (group === undefined) byRule.set(finding.rule, [finding]);
    else group.push(finding);
  }
  const lines: string[] = [];
  for (const [rule, findings] of byRule) {
    if (rule === 'unprotected-attachment') {
      lines.push(translate(locale, 'handler.unprotected', { count: findings.length }));
      continue;
    }
    const first = findingLine(findings[0]!, locale);
    const texts = new Set(findings.map((finding) => findingLine(finding, locale)));
    lines.push(texts.size === 1 ? first : translate(locale, 'handler.line.more', { line: first, count: texts.size - 1 }));
  }
  return lines;
}
