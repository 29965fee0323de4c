import { attachmentMismatchRule } from './attachment-mismatch.js';
import { attachmentToExternalRule } from './attachment-to-external.js';
import { attentionRecipientRule } from './attention-recipient.js';
import { blockedRecipientRule } from './blocked-recipient.js';
import { displayNameSpoofRule } from './display-name-spoof.js';
import { encryptedAttachmentRule } from './encrypted-attachment.js';
import { externalRecipientRule } from './external-recipient.js';
import { firstTimeRecipientRule } from './first-time-recipient.js';
import { keywordRule } from './keyword.js';
import { lookalikeDomainRule } from './lookalike-domain.js';
import { mailingListRule } from './mailing-list.js';
import { manyDomainsVisibleRule } from './many-domains-visible.js';
import { newDomainRule } from './new-domain.js';
import { personalDataRule } from './personal-data.js';
import { personalMailDomainRule } from './personal-mail-domain.js';
import { sameNameOutsideRule } from './same-name-outside.js';
import { uninspectableAttachmentRule } from './uninspectable-attachment.js';
import { unprotectedAttachmentRule } from './unprotected-attachment.js';
import { unresolvedRecipientRule } from './unresolved-recipient.js';
import type { RuleId } from '../types.js';
import type { Rule } from './rule.js';

/**
 * Every rule, in the order of RULE_IDS; findings come out in this order. `approval-required` is not here:
 * it reads the others' findings, so evaluate runs it last (approval-required.ts).
 */
export const RULES: ReadonlyMap<RuleId, Rule> = new Map<RuleId, Rule>([
  ['external-recipient', externalRecipientRule],
  ['mailing-list', mailingListRule],
  ['unresolved-recipient', unresolvedRecipientRule],
  ['lookalike-domain', lookalikeDomainRule],
  ['display-name-spoof', displayNameSpoofRule],
  ['same-name-outside', sameNameOutsideRule],
  ['blocked-recipient', blockedRecipientRule],
  ['attention-recipient', attentionRecipientRule],
  ['keyword', keywordRule],
  ['many-domains-visible', manyDomainsVisibleRule],
  ['new-domain', newDomainRule],
  ['first-time-recipient', firstTimeRecipientRule],
  ['personal-mail-domain', personalMailDomainRule],
  ['attachment-to-external', attachmentToExternalRule],
  ['personal-data', personalDataRule],
  ['encrypted-attachment', encryptedAttachmentRule],
  ['uninspectable-attachment', uninspectableAttachmentRule],
  ['attachment-mismatch', attachmentMismatchRule],
  ['unprotected-attachment', unprotectedAttachmentRule],
]);

export type { Rule, RuleInput } from './rule.js';
