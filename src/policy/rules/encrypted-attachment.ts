import { attachmentKey } from '../attachment-key.js';
import type { Finding } from '../types.js';
import { anyExternal, attachmentTarget, inspectedAttachments } from './inspected-attachments.js';
import { makeFinding, type Rule } from './rule.js';
import { protectedZipKeys } from './unprotected-attachment.js';

/**
 * A password-protected attachment, or an archive with password-protected members, on mail that goes
 * outside. Its content cannot be checked, and a password ZIP with the password in a second mail (PPAP)
 * is what many Japanese organisations now refuse; `encryptedAttachments` says what happens. A ZIP the
 * review pane made is the sanctioned path (content checked before, password handed over apart by the
 * user), so it is not flagged.
 */
export const encryptedAttachmentRule: Rule = ({ snapshot, policy, recipients, inspection, protection }) => {
  const action = policy.encryptedAttachments;
  if (inspection === undefined || action === 'allow' || !anyExternal(recipients)) return [];
  const sanctioned = protectedZipKeys(protection);
  const findings: Finding[] = [];
  for (const { attachment, inspection: entry } of inspectedAttachments(snapshot.attachments, inspection, true)) {
    if (sanctioned.has(attachmentKey(attachment))) continue;
    const members = entry.unread.filter((member) => member.status === 'encrypted');
    if (entry.status !== 'encrypted' && members.length === 0) continue;
    const whole = entry.status === 'encrypted';
    findings.push(
      makeFinding(
        'encrypted-attachment',
        attachmentKey(attachment),
        action,
        [attachmentTarget(attachment)],
        whole ? 'finding.encrypted-attachment' : 'finding.encrypted-attachment.member',
        {
          name: attachment.name,
          size: attachment.size,
          reason: whole ? entry.reason : members.map((member) => member.reason).join(', '),
          parts: members.map((member) => member.where).join(', '),
        },
      ),
    );
  }
  return findings;
};
