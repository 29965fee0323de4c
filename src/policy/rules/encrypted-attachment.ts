import { attachmentKey } from '../attachment-key.js';
import type { Finding } from '../types.js';
import { anyExternal, attachmentTarget, inspectedAttachments } from './inspected-attachments.js';
import { makeFinding, type Rule } from './rule.js';

/**
 * A password-protected attachment, or an archive with password-protected members, on mail that goes
 * outside. Its content cannot be checked, and a password ZIP with the password in a second mail (PPAP)
 * is what many Japanese organisations now refuse; `encryptedAttachments` says what happens. A ZIP the
 * review pane made is the sanctioned path (content checked before, password handed over apart by the
 * user): its recorded inspection is its members' (inspectedAttachments), so only a member that was
 * itself encrypted is flagged. A pane ZIP recorded without one is read as what it is, encrypted.
 */
export const encryptedAttachmentRule: Rule = ({ snapshot, policy, recipients, inspection, protection }) => {
  const action = policy.encryptedAttachments;
  if (inspection === undefined || action === 'allow' || !anyExternal(recipients)) return [];
  const findings: Finding[] = [];
  for (const { attachment, inspection: entry } of inspectedAttachments(snapshot.attachments, inspection, true, protection)) {
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
