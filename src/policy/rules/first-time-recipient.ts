import { nearestKnownAddress } from '../history/nearest-known-address.js';
import { standingOfNormalized, type HistoryStanding, type RecipientHistory } from '../history/recipient-history.js';
import type { Finding } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/**
 * The nearest-address search digests a few thousand candidates per address; past this many addresses in
 * one message the rest are called out without it, so that a mass mailing to a known domain stays fast.
 */
export const MAX_NEAREST_SEARCHES = 5;

interface Answer {
  readonly standing: HistoryStanding;
  /** Only searched for a new address at a known domain; undefined until then. */
  nearest?: string | null;
}

/** Answers per history: the pane evaluates again at every change with the history it loaded. */
const answers = new WeakMap<RecipientHistory, Map<string, Answer>>();

function answersFor(history: RecipientHistory): Map<string, Answer> {
  let known = answers.get(history);
  if (known === undefined) {
    known = new Map();
    answers.set(history, known);
  }
  return known;
}

/**
 * Outside addresses the sender has not written to within `recipientHistory.days` (docs/policy.md,
 * "First-time recipients"). At a domain the sender knows, the nearest known address is named: `tanaka@`
 * typed for `tanaka.k@` is the classic misdirected mail. Without a history (a client without roaming
 * settings) nobody is called new.
 */
export const firstTimeRecipientRule: Rule = ({ policy, recipients, history }) => {
  if (!policy.recipientHistory.enabled || history === undefined) return [];
  const severity = policy.severities['first-time-recipient'];
  const known = answersFor(history);
  let searchesLeft = MAX_NEAREST_SEARCHES;
  const findings: Finding[] = [];
  for (const entry of recipients) {
    const { normalized, domain } = entry;
    // An outside address: a list at an internal address that reaches outside is not one (classify.ts).
    if (entry.internal || normalized === null || domain === null) continue;
    let answer = known.get(normalized);
    if (answer === undefined) {
      answer = { standing: standingOfNormalized(history, normalized, domain) };
      known.set(normalized, answer);
    }
    if (answer.standing === 'known') continue;
    if (answer.standing === 'known-domain' && answer.nearest === undefined && searchesLeft > 0) {
      searchesLeft -= 1;
      answer.nearest = nearestKnownAddress(history, normalized);
    }
    const key = `${entry.field}:${entry.key}`;
    const targets = [recipientTarget(entry)];
    const address = entry.recipient.address;
    if (answer.standing === 'new') {
      findings.push(makeFinding('first-time-recipient', key, severity, targets, 'finding.first-time-recipient', { address }));
    } else if (typeof answer.nearest === 'string') {
      findings.push(
        makeFinding('first-time-recipient', key, severity, targets, 'finding.first-time-recipient.nearest', {
          address,
          nearest: answer.nearest,
        }),
      );
    } else {
      findings.push(makeFinding('first-time-recipient', key, severity, targets, 'finding.first-time-recipient.known-domain', { address }));
    }
  }
  return findings;
};
