import { attachmentKey } from '../attachment-key.js';
import type { AttachmentInspection, Finding, FindingKey } from '../types.js';
import { anyExternal, attachmentTarget, inspectedAttachments } from './inspected-attachments.js';
import { applicableThresholds } from './personal-data.js';
import { makeFinding, type Rule } from './rule.js';

function messageKeyOf(entry: AttachmentInspection, members: readonly string[]): FindingKey | null {
  if (entry.status === 'pending') return 'finding.uninspectable-attachment.pending';
  if (entry.status === 'uninspectable') {
    return entry.reason.startsWith('limit:') ? 'finding.uninspectable-attachment.limit' : 'finding.uninspectable-attachment';
  }
  return members.length > 0 ? 'finding.uninspectable-attachment.member' : null;
}

/**
 * A file attachment whose content was not checked: unreadable, stopped by a bound, with unreadable
 * members, or not inspected within the time budget (`pending`: the check reports it instead of waiting).
 * It matters only where a personal-data threshold applies to this mail, because that is what went
 * unchecked. Encrypted files are encrypted-attachment's.
 */
export const uninspectableAttachmentRule: Rule = ({ snapshot, policy, recipients, inspection, protection }) => {
  const action = policy.uninspectableAttachments;
  if (inspection === undefined || action === 'allow') return [];
  if (applicableThresholds(policy, anyExternal(recipients) ? 'external' : 'internal').length === 0) return [];
  const findings: Finding[] = [];
  for (const { attachment, inspection: entry } of inspectedAttachments(snapshot.attachments, inspection, true, protection)) {
    const members = entry.unread.filter((member) => member.status === 'uninspectable').map((member) => member.where);
    const messageKey = messageKeyOf(entry, members);
    if (messageKey === null) continue;
    findings.push(
      makeFinding('uninspectable-attachment', attachmentKey(attachment), action, [attachmentTarget(attachment)], messageKey, {
        name: attachment.name,
        size: attachment.size,
        status: entry.status,
        reason: entry.reason,
        parts: members.join(', '),
      }),
    );
  }
  return findings;
};
