import { listedRecipientRule } from './listed-recipient.js';

/** Addresses and domains that always need a second look, even when they are internal. */
export const attentionRecipientRule = listedRecipientRule('attention-recipient', (policy) => policy.attentionRecipients);
