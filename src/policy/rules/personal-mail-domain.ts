import { personalMailMatcher, type PersonalMailKind, type PersonalMailMatcher } from '../personal-mail/personal-mail-matcher.js';
import type { ClassifiedRecipient } from '../classify.js';
import type {
  Finding,
  FindingKey,
  InspectionSummary,
  MessageSnapshot,
  PersonalMailDomainsPolicy,
  Severity,
  TextInspection,
} from '../types.js';
import { groupByDomain, makeFinding, recipientTarget, type Rule } from './rule.js';
import { keptPer } from '../remembered.js';

const matcherFor: (policy: PersonalMailDomainsPolicy) => PersonalMailMatcher = keptPer(personalMailMatcher);

/** A tally is listed only for a kind with at least one match (TextInspection in types.ts). */
function holdsPersonalData(inspection: TextInspection | undefined): boolean {
  return inspection !== undefined && inspection.personalData.length > 0;
}

/** A file attached, or personal data found anywhere: what `personalMailDomains.withAttachments` is about. */
function carriesData(snapshot: MessageSnapshot, inspection: InspectionSummary | undefined): boolean {
  if (snapshot.attachments.some((attachment) => !attachment.inline)) return true;
  if (inspection === undefined) return false;
  return holdsPersonalData(inspection.subject) || holdsPersonalData(inspection.body) || inspection.attachments.some(holdsPersonalData);
}

const MESSAGE_KEYS: Readonly<Record<PersonalMailKind, FindingKey>> = {
  'free-mail': 'finding.personal-mail-domain.free-mail',
  'mobile-carrier': 'finding.personal-mail-domain.mobile-carrier',
  policy: 'finding.personal-mail-domain.policy',
};

/** Outside recipients at free-mail or mobile-carrier domains: private mailboxes (docs/policy.md "Personal mail domains"). */
export const personalMailDomainRule: Rule = ({ snapshot, policy, recipients, inspection }) => {
  const outside = recipients.filter((entry) => entry.external);
  if (outside.length === 0) return [];
  const kindOf = matcherFor(policy.personalMailDomains);
  const stopped = policy.personalMailDomains.withAttachments === 'block' && carriesData(snapshot, inspection);
  const severity: Severity = stopped ? 'block' : policy.severities['personal-mail-domain'];
  const findings: Finding[] = [];
  const add = (member: ClassifiedRecipient, domain: string, messageKey: FindingKey): void => {
    const params = { address: member.recipient.address, domain };
    findings.push(makeFinding('personal-mail-domain', member.recipient.address, severity, [recipientTarget(member)], messageKey, params));
  };
  const addresses = outside.filter((entry) => entry.outsideDomains === null);
  for (const [domain, members] of groupByDomain(addresses)) {
    const kind = kindOf(domain);
    if (kind === null) continue;
    // Stopped, the person must learn why: it is what the mail carries, not the address alone.
    for (const member of members) add(member, domain, stopped ? 'finding.personal-mail-domain.carries-data' : MESSAGE_KEYS[kind]);
  }
  // A list reaches private mailboxes when one of the outside domains it declares is one (mailingLists).
  for (const list of outside) {
    const domain = list.outsideDomains?.find((reached) => kindOf(reached) !== null);
    if (domain !== undefined)
      add(list, domain, stopped ? 'finding.personal-mail-domain.list-carries-data' : 'finding.personal-mail-domain.list');
  }
  return findings;
};
