// The send handler's half of supervisor approval (docs/approval.md "Verification"): the approval the
// pane stored is verified offline against the key in the boot line; where the runtime has no WebCrypto
// (classic Outlook), or the draft was reopened and sessionData is gone, the add-in's own server is asked.
import type { StoredApproval } from '../check/index.js';
import type { FetchOptions } from '../api-client/index.js';
import type { ApprovalGrant } from '../policy/index.js';
import { approvalClaimsFromOrigin, verifyApproval, type ApprovalCheck, type ApprovalExpectation } from '../protocol/index.js';
import type { HandlerDependencies } from './dependencies.js';

export interface ApprovalLookup {
  readonly deps: Pick<HandlerDependencies, 'boot' | 'fetchGrantedApproval' | 'now'>;
  /** The signed-in mailbox's address: the server signs the sender it authenticated. */
  readonly sender: string | null;
  readonly timeoutMs: number;
  readonly fetchOptions: FetchOptions;
}

function grantOf(check: ApprovalCheck): ApprovalGrant | null {
  return check.ok ? { approver: check.claims.approver } : null;
}

export async function findApprovalInHandler(
  lookup: ApprovalLookup,
  fingerprint: string,
  stored: StoredApproval | null,
): Promise<ApprovalGrant | null> {
  const { deps, sender } = lookup;
  const { approvalKey = null, origin } = deps.boot();
  if (sender === null || approvalKey === null) return null;
  const expected: ApprovalExpectation = { fingerprint, sender, nowMs: deps.now() };
  const storedToken = stored !== null && stored.fingerprint === fingerprint ? stored.token : null;
  if (storedToken !== null) {
    const checked = await verifyApproval(storedToken, approvalKey, expected);
    // A forged, expired or other message's approval is refused; only a runtime that cannot check asks on.
    if (checked.ok || checked.reason !== 'no-crypto') return grantOf(checked);
  }
  if (origin === null) return null;
  const served = await deps.fetchGrantedApproval(origin, { fingerprint, sender }, lookup.timeoutMs, lookup.fetchOptions);
  if (served === null) return null;
  const checked = await verifyApproval(served, approvalKey, expected);
  if (checked.ok || checked.reason !== 'no-crypto') return grantOf(checked);
  // No WebCrypto: the token came from the add-in's own origin over TLS just now, so its claims are trusted.
  return grantOf(approvalClaimsFromOrigin(served, expected));
}
