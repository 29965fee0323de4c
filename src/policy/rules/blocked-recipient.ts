import { listedRecipientRule } from './listed-recipient.js';

/** Addresses and domains the policy refuses; severity block unless the policy says otherwise. */
export const blockedRecipientRule = listedRecipientRule('blocked-recipient', (policy) => policy.blockedRecipients);
