import { attachmentKey } from '../attachment-key.js';
import type { Finding } from '../types.js';
import { makeFinding, type Rule } from './rule.js';

/** Each file attachment goes outside as soon as one recipient is external; inline images are part of the body. */
export const attachmentToExternalRule: Rule = ({ snapshot, policy, recipients }) => {
  if (!recipients.some((entry) => entry.external)) return [];
  const findings = new Map<string, Finding>();
  for (const attachment of snapshot.attachments) {
    if (attachment.inline) continue;
    const key = attachmentKey(attachment);
    if (findings.has(key)) continue;
    findings.set(
      key,
      makeFinding(
        'attachment-to-external',
        key,
        policy.severities['attachment-to-external'],
        [{ kind: 'attachment', name: attachment.name, size: attachment.size }],
        'finding.attachment-to-external',
        { name: attachment.name, size: attachment.size },
      ),
    );
  }
  return [...findings.values()];
};
