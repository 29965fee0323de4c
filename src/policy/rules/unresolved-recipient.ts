import { makeFinding, recipientLabel, recipientTarget, type Rule } from './rule.js';

/** No SMTP address or no valid domain: nothing says the recipient is internal. */
export const unresolvedRecipientRule: Rule = ({ policy, recipients }) =>
  recipients
    .filter((entry) => entry.normalized === null)
    .map((entry) =>
      makeFinding(
        'unresolved-recipient',
        `${entry.field}:${entry.key}`,
        policy.severities['unresolved-recipient'],
        [recipientTarget(entry)],
        'finding.unresolved-recipient',
        { recipient: recipientLabel(entry), address: entry.recipient.address },
      ),
    );
