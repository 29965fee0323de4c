// Policies and verdicts made by hand, so that the handler tests do not depend on the real rules.
import { afterEach, beforeEach, vi } from 'vitest';
import type { HandlerDependencies } from '../../src/launchevent/dependencies.js';
import {
  DEFAULT_POLICY,
  RULE_IDS,
  type Finding,
  type FindingKey,
  type Policy,
  type PolicyParseResult,
  type Severity,
  type Verdict,
} from '../../src/policy/index.js';

export function testPolicy(overrides: Partial<Policy> = {}): Policy {
  const severities = Object.fromEntries(RULE_IDS.map((rule) => [rule, 'confirm'])) as Record<(typeof RULE_IDS)[number], Severity>;
  return {
    ...DEFAULT_POLICY,
    version: 1,
    internalDomains: ['example.co.jp'],
    trustedDomains: [],
    blockedRecipients: [],
    attentionRecipients: [],
    mailingLists: [],
    keywords: [],
    bccSuggestThreshold: 3,
    confirmInternalOnly: false,
    onError: 'block',
    severities,
    ...overrides,
  };
}

/** A policy document as the stub parser understands it: `tag` says where it came from. */
export interface StubDocument {
  readonly version: 1;
  readonly tag: string;
  readonly onError?: 'allow' | 'block';
}

export function stubDocument(tag: string, onError: 'allow' | 'block' = 'block'): StubDocument {
  return { version: 1, tag, onError };
}

/** Accepts StubDocuments only; the tag becomes the internal domain so a test can see which policy was used. */
export const parseStub: HandlerDependencies['parsePolicy'] = (document): PolicyParseResult => {
  if (typeof document !== 'object' || document === null || (document as { version?: unknown }).version !== 1) {
    return { ok: false, problems: [{ path: '$', message: 'not a stub document', code: 'policy.expected-document' }] };
  }
  const { tag, onError } = document as StubDocument;
  return { ok: true, policy: testPolicy({ internalDomains: [tag], onError: onError ?? 'block' }) };
};

export function finding(
  id: string,
  severity: Severity,
  messageKey: FindingKey = 'finding.keyword.subject',
  params: Finding['params'] = { term: 'x' },
): Finding {
  return { id, rule: 'keyword', severity, targets: [{ kind: 'message', part: 'subject' }], messageKey, params };
}

export function verdict(overrides: Partial<Verdict> = {}): Verdict {
  return { decision: 'allow', findings: [], checklist: [], actions: [], fingerprint: 'fp-current', ...overrides };
}

/** A confirm verdict: two external recipients in two domains, one attachment, two findings to tick. */
export function confirmVerdict(fingerprint = 'fp-current'): Verdict {
  return verdict({
    decision: 'confirm',
    fingerprint,
    findings: [finding('f1', 'confirm'), finding('f2', 'confirm'), finding('f3', 'info')],
    checklist: [
      { id: 'r1', kind: 'recipient', address: 'a@partner.co.jp', field: 'to', domain: 'partner.co.jp', external: true, findingIds: [] },
      { id: 'r2', kind: 'recipient', address: 'b@other.jp', field: 'cc', domain: 'other.jp', external: true, findingIds: [] },
      { id: 'r3', kind: 'recipient', address: 'me@example.co.jp', field: 'cc', domain: 'example.co.jp', external: false, findingIds: [] },
      { id: 'a1', kind: 'attachment', name: '見積書.xlsx', size: 100, findingIds: [] },
    ],
  });
}

/**
 * Fake timers and a silent console around every test of the file; whatever a test puts in `installed.remove`
 * (the Office fake's uninstall) runs after it.
 */
export function withFakeClock(): { remove?: () => void } {
  const installed: { remove?: () => void } = {};
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    installed.remove?.();
    delete installed.remove;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  return installed;
}
