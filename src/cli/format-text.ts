// Human-readable output, every word from the string tables (src/i18n/tables: cli, findings, scripts).
import type { Locale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import { translate } from '../i18n/translate.js';
import type { Params } from '../i18n/template.js';
import { scriptName } from '../i18n/script-name.js';
import {
  attachmentKey,
  recipientListOf,
  withScriptNames,
  type AttachmentInspection,
  type Decision,
  type Finding,
  type InspectionSummary,
  type Policy,
  type TextInspection,
} from '../policy/index.js';
import type { HelpTopic, UsageError } from './arguments.js';
import type { VerdictReport } from './message-report.js';
import type { Problem } from './problem.js';

export function formatVerdict(report: VerdictReport, locale: Locale): string {
  const { file, verdict, inspection, inline } = report;
  const decision = translate(locale, `cli.decision.${verdict.decision}`);
  const lines = [translate(locale, 'cli.verdict.header', { file, decision })];
  if (verdict.findings.length === 0) lines.push(translate(locale, 'cli.verdict.noFindings'));
  for (const finding of verdict.findings) lines.push(formatFinding(finding, locale));
  if (verdict.checklist.length > 0) {
    lines.push(translate(locale, 'cli.verdict.checklist', { count: verdict.checklist.length }));
  }
  if (inspection !== undefined) lines.push(...formatInspection(inspection, inline ?? new Set(), locale));
  return lines.join('\n') + '\n';
}

/**
 * What was read and what was found where, as counts only: the masked samples are in the findings, and a
 * threshold that was not reached shows up here without any value. Inline images belong to the body and
 * are not read, so they are not listed.
 */
function formatInspection(summary: InspectionSummary, inline: ReadonlySet<string>, locale: Locale): string[] {
  const lines = [translate(locale, 'cli.inspection.header')];
  for (const where of ['subject', 'body'] as const) {
    const text = summary[where];
    if (text === undefined || text.personalData.length === 0) continue;
    lines.push(
      translate(locale, 'cli.inspection.text', {
        where: translate(locale, `cli.inspection.where.${where}`),
        kinds: kindCounts(text, locale),
      }),
    );
  }
  for (const attachment of summary.attachments) {
    if (!inline.has(attachmentKey(attachment))) lines.push(...formatAttachment(attachment, locale));
  }
  return lines.length === 1 ? [] : lines;
}

function formatAttachment(attachment: AttachmentInspection, locale: Locale): string[] {
  const status = translate(locale, `cli.inspection.status.${attachment.status}`, { reason: attachment.reason });
  const withKinds =
    attachment.personalData.length === 0
      ? status
      : translate(locale, 'cli.inspection.found', { status, kinds: kindCounts(attachment, locale) });
  const lines = [translate(locale, 'cli.inspection.attachment', { name: attachment.name, size: attachment.size, status: withKinds })];
  for (const member of attachment.unread) {
    const memberStatus = translate(locale, `cli.inspection.status.${member.status}`, { reason: member.reason });
    lines.push(translate(locale, 'cli.inspection.member', { where: member.where, status: memberStatus }));
  }
  return lines;
}

function kindCounts(inspection: TextInspection, locale: Locale): string {
  return inspection.personalData
    .map((tally) => {
      const kind = translate(locale, `cli.kind.${tally.kind}`);
      // Context-backed matches apart: thresholds count only them unless a policy entry says `confidence: any`.
      if (tally.low === 0) return translate(locale, 'cli.inspection.kindCount', { kind, count: tally.high });
      // Said apart too when all are by format alone: such a count raises no finding, and read as a plain one it looks like a miss.
      if (tally.high === 0) return translate(locale, 'cli.inspection.kindCountFormatOnly', { kind, count: tally.low });
      return translate(locale, 'cli.inspection.kindCountLow', { kind, count: tally.high, low: tally.low });
    })
    .join(', ');
}

export function formatCheckSummary(decisions: readonly Decision[], errors: number, locale: Locale): string {
  const count = (decision: Decision): number => decisions.filter((entry) => entry === decision).length;
  return (
    translate(locale, 'cli.check.summary', {
      total: decisions.length + errors,
      allow: count('allow'),
      confirm: count('confirm'),
      block: count('block'),
      errors,
    }) + '\n'
  );
}

function formatFinding(finding: Finding, locale: Locale): string {
  return translate(locale, 'cli.verdict.finding', {
    severity: translate(locale, `cli.severity.${finding.severity}`),
    message: translate(
      locale,
      finding.messageKey,
      withScriptNames(finding.params, (script) => scriptName(locale, script)),
    ),
    rule: finding.rule,
  });
}

/** `headlineKey` says what could not be used (a message, a policy); each problem follows with its path. */
export function formatProblems(headlineKey: StringKey, file: string, problems: readonly Problem[], locale: Locale): string {
  const lines = [translate(locale, headlineKey, { file })];
  for (const { path, message } of problems) {
    lines.push(translate(locale, 'cli.problem', { path, message: translate(locale, message.key, message.params) }));
  }
  return lines.join('\n') + '\n';
}

export function formatPolicySummary(file: string, policy: Policy, locale: Locale): string {
  return (
    translate(locale, 'cli.policy.ok', {
      file,
      version: policy.version,
      internal: recipientListOf(policy.internalDomains).size,
      trusted: recipientListOf(policy.trustedDomains).size,
      blocked: recipientListOf(policy.blockedRecipients).size,
      attention: recipientListOf(policy.attentionRecipients).size,
      lists: policy.mailingLists.length,
      keywords: policy.keywords.length,
    }) + '\n'
  );
}

export function formatHelp(topic: HelpTopic, locale: Locale): string {
  return translate(locale, `cli.help.${topic}`) + '\n';
}

export function formatUsageError(error: UsageError, topic: HelpTopic, locale: Locale): string {
  const message = translate(locale, error.key, error.params);
  const hint = translate(locale, topic === 'main' ? 'cli.usage.hint' : `cli.usage.hint.${topic}`);
  return `${translate(locale, 'cli.usage.error', { message })}\n${hint}\n`;
}

export function formatNote(key: StringKey, locale: Locale, params?: Params): string {
  return translate(locale, key, params) + '\n';
}
