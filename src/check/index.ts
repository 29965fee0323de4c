// The one send-time check (docs/architecture.md "The send moment"). Host bindings live beside it in
// handler-ports.ts (classic Outlook's runtime) and in each host's own layer; this index stays free of
// Office so the CLI can use it in Node.
export {
  runCheck,
  embeddedPolicy,
  DEFAULT_ENGINE,
  type Check,
  type CheckEngine,
  type CheckResult,
  type CheckFailureReason,
} from './run-check.js';
export { planSend, type HostAbilities, type SendPlan } from './send-plan.js';
export { validPolicy, type PolicySource, type ResolvedPolicy, type ParsePolicy } from './policy-chain.js';
export { cachedOutcomes, type CheckPorts, type ItemState, type AttachmentOutcomes, type StoredApproval } from './ports.js';
export { PREFLIGHT_HEADER, policyDigest, preflightHeaderValue, type StampedDecision } from './preflight-header.js';
export { dryRun, type DryRunMessage, type DryRunRow, type DryRunVerdict } from './dry-run.js';
export { historyAfterSend, type HistoryRecording } from './history-after-send.js';
export { randomHistoryKey } from './history-key.js';
