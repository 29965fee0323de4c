import { foldText } from '../text.js';
import type { AttachmentSnapshot, Finding, KeywordRule, Policy, Severity } from '../types.js';
import { makeFinding, type Rule } from './rule.js';

function severityOf(keyword: KeywordRule, policy: Policy): Severity {
  return keyword.action === 'block' ? 'block' : policy.severities.keyword;
}

function distinctAttachments(attachments: readonly AttachmentSnapshot[]): AttachmentSnapshot[] {
  const seen = new Set<string>();
  return attachments.filter((attachment) => {
    const key = `${attachment.size}:${attachment.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Terms in the subject, body or attachment names, compared after NFKC and case folding so that
 * ＣＯＮＦＩＤＥＮＴＩＡＬ and half-width ｼｬｶﾞｲﾋ match. A `block` keyword blocks; a `warn` keyword takes the
 * policy's severity for `keyword` (confirm unless changed).
 */
export const keywordRule: Rule = ({ snapshot, policy }) => {
  if (policy.keywords.length === 0) return [];
  const subject = foldText(snapshot.subject);
  const body = foldText(snapshot.body);
  const attachments = distinctAttachments(snapshot.attachments).map((attachment) => ({
    attachment,
    folded: foldText(attachment.name),
  }));
  const findings: Finding[] = [];
  for (const keyword of policy.keywords) {
    const term = foldText(keyword.term);
    const severity = severityOf(keyword, policy);
    const params = { term: keyword.term, action: keyword.action };
    if (keyword.where.includes('subject') && subject.includes(term)) {
      const targets = [{ kind: 'message', part: 'subject' } as const];
      findings.push(makeFinding('keyword', `subject:${term}`, severity, targets, 'finding.keyword.subject', params));
    }
    if (keyword.where.includes('body') && body.includes(term)) {
      const targets = [{ kind: 'message', part: 'body' } as const];
      findings.push(makeFinding('keyword', `body:${term}`, severity, targets, 'finding.keyword.body', params));
    }
    const named = keyword.where.includes('attachment-name')
      ? attachments.filter((candidate) => candidate.folded.includes(term)).map((candidate) => candidate.attachment)
      : [];
    if (named.length > 0) {
      findings.push(
        makeFinding(
          'keyword',
          `attachment-name:${term}`,
          severity,
          named.map((attachment) => ({ kind: 'attachment' as const, name: attachment.name, size: attachment.size })),
          'finding.keyword.attachment-name',
          { ...params, names: named.map((attachment) => attachment.name).join(', ') },
        ),
      );
    }
  }
  return findings;
};
