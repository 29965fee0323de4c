// Human-readable output, every word from the string tables (src/i18n/tables/cli.ts and findings.ts).
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/translate.js';
import type { Finding, Policy, Verdict } from '../policy/index.js';
import type { HelpTopic, UsageError } from './arguments.js';
import type { Problem, ProblemMessage } from './problem.js';

export function formatVerdict(file: string, verdict: Verdict, locale: Locale): string {
  const decision = translate(locale, `cli.decision.${verdict.decision}`);
  const lines = [translate(locale, 'cli.verdict.header', { file, decision })];
  if (verdict.findings.length === 0) lines.push(translate(locale, 'cli.verdict.noFindings'));
  for (const finding of verdict.findings) lines.push(formatFinding(finding, locale));
  if (verdict.checklist.length > 0) {
    lines.push(translate(locale, 'cli.verdict.checklist', { count: verdict.checklist.length }));
  }
  return lines.join('\n') + '\n';
}

function formatFinding(finding: Finding, locale: Locale): string {
  return translate(locale, 'cli.verdict.finding', {
    severity: translate(locale, `cli.severity.${finding.severity}`),
    message: translate(locale, finding.messageKey, finding.params),
    rule: finding.rule,
  });
}

/** `headlineKey` says what could not be used (a message, a policy); each problem follows with its path. */
export function formatProblems(headlineKey: string, file: string, problems: readonly Problem[], locale: Locale): string {
  const lines = [translate(locale, headlineKey, { file })];
  for (const { path, message } of problems) {
    lines.push(translate(locale, 'cli.problem', { path, message: problemText(message, locale) }));
  }
  return lines.join('\n') + '\n';
}

function problemText(message: ProblemMessage, locale: Locale): string {
  return 'text' in message ? message.text : translate(locale, message.key, message.params);
}

export function formatPolicySummary(file: string, policy: Policy, locale: Locale): string {
  return (
    translate(locale, 'cli.policy.ok', {
      file,
      version: policy.version,
      internal: policy.internalDomains.length,
      trusted: policy.trustedDomains.length,
      blocked: policy.blockedRecipients.length,
      attention: policy.attentionRecipients.length,
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

export function formatNote(key: string, locale: Locale): string {
  return translate(locale, key) + '\n';
}
