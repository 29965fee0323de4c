import { attachmentKey } from '../attachment-key.js';
import type { AttachmentSnapshot, Finding, ProtectionState } from '../types.js';
import { anyExternal, attachmentTarget } from './inspected-attachments.js';
import { makeFinding, type Rule } from './rule.js';

/** Keys (`name:size`) of the ZIPs the review pane made; only they satisfy a `zip` requirement. */
export function protectedZipKeys(protection: ProtectionState | undefined): ReadonlySet<string> {
  return new Set((protection?.zips ?? []).map(attachmentKey));
}

/**
 * Each file attachment not protected as the policy requires for the message's class (external once any
 * recipient is external). `zip`: only a ZIP the review pane recorded, by the name and size Outlook reports,
 * counts; a secure link removes the files, so it leaves nothing to flag. `link`: every attachment left is
 * one too many. Inline images are part of the body.
 */
export const unprotectedAttachmentRule: Rule = ({ snapshot, policy, recipients, protection }) => {
  const settings = policy.attachments.protection;
  const recipientClass = anyExternal(recipients) ? 'external' : 'internal';
  const mode = settings[recipientClass];
  if (mode === 'none') return [];
  const zips = mode === 'zip' ? protectedZipKeys(protection) : new Set<string>();
  const findings = new Map<string, Finding>();
  const unprotected = (attachment: AttachmentSnapshot) => !attachment.inline && !zips.has(attachmentKey(attachment));
  for (const attachment of snapshot.attachments.filter(unprotected)) {
    const key = attachmentKey(attachment);
    if (findings.has(key)) continue;
    findings.set(
      key,
      makeFinding(
        'unprotected-attachment',
        key,
        settings.onUnprotected,
        [attachmentTarget(attachment)],
        `finding.unprotected-attachment.${mode}.${recipientClass}`,
        { name: attachment.name, size: attachment.size },
      ),
    );
  }
  return [...findings.values()];
};
