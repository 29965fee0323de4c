// What the handlers need from outside the Office gateway; tests replace any of it.
import { fetchGrantedApproval, fetchPolicyDocument, type FetchOptions } from '../api-client/index.js';
import type { ApprovalPublicJwk } from '../protocol/index.js';
import {
  evaluate,
  parsePolicy,
  type EvaluationContext,
  type MessageSnapshot,
  type Policy,
  type PolicyParseResult,
  type Verdict,
} from '../policy/index.js';
import type { SendReport } from './audit-report.js';
import { readBoot } from './boot.js';
import { reportSendToServer } from './handler-audit.js';

export interface Boot {
  /** The add-in's public origin, for absolute URLs; null when the page was not served by our server. */
  readonly origin: string | null;
  /** The organisation's policy as the server embedded it: the last fallback when fetch and cache fail. */
  readonly policyDocument: unknown;
  /** The server's approval key (secure-link mode only); absent or null when there is none. */
  readonly approvalKey?: ApprovalPublicJwk | null;
}

export interface Timing {
  /** The watchdog: the handler completes by then whatever is still pending. */
  readonly deadlineMs: number;
  readonly officeCallTimeoutMs: number;
  readonly policyFetchTimeoutMs: number;
  /** Asking the server for an approval comes after the policy fetch, so it gets what is left of the deadline. */
  readonly approvalLookupTimeoutMs: number;
  /** Saving the recipient history after an allowed send: it must never be what runs into the deadline. */
  readonly historySaveTimeoutMs: number;
}

/** Well under the 5-second "taking longer than expected" dialog (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events). */
export const SEND_TIMING: Timing = {
  deadlineMs: 2_500,
  officeCallTimeoutMs: 1_500,
  policyFetchTimeoutMs: 1_200,
  approvalLookupTimeoutMs: 800,
  historySaveTimeoutMs: 700,
};

/** Opening a compose window shows no dialog, so it may wait longer for the network. */
export const COMPOSE_TIMING: Timing = {
  deadlineMs: 6_000,
  officeCallTimeoutMs: 3_000,
  policyFetchTimeoutMs: 5_000,
  approvalLookupTimeoutMs: 800,
  historySaveTimeoutMs: 700,
};

export interface HandlerDependencies {
  readonly boot: () => Boot;
  readonly fetchPolicyDocument: (origin: string, timeoutMs: number, options: FetchOptions) => Promise<unknown>;
  readonly fetchGrantedApproval: typeof fetchGrantedApproval;
  readonly parsePolicy: (document: unknown) => PolicyParseResult;
  readonly evaluate: (snapshot: MessageSnapshot, policy: Policy, context: EvaluationContext) => Verdict;
  readonly now: () => number;
  /** After event.completed: what became of the Send, for the audit (docs/admin.md); never awaited. */
  readonly reportSend: (report: SendReport, boot: Boot, nowMs: number) => void;
}

export const DEFAULT_DEPENDENCIES: HandlerDependencies = {
  boot: readBoot,
  fetchPolicyDocument,
  fetchGrantedApproval,
  parsePolicy,
  evaluate,
  now: () => Date.now(),
  reportSend: reportSendToServer,
};
