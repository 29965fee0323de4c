// confirmPer "domain": the group heading holds the one checkbox for its domain; the rows keep their findings.
import { describe, expect, it } from 'vitest';
import { evaluate, type MessageSnapshot } from '../../src/policy/index.js';
import { buildReviewModel, canConfirm, remainingCount, setTicked } from '../../src/taskpane/review-model.js';
import { DOMAIN_CHECKLIST, DOMAIN_SNAPSHOT, DOMAIN_VERDICT, DOMAIN_WIDE_FINDING } from './domain-fixtures.js';
import { LOOKALIKE_ASCII, LOOKALIKE_FINDING, POLICY, SNAPSHOT, VERDICT } from './fixtures.js';

const model = buildReviewModel(DOMAIN_SNAPSHOT, DOMAIN_VERDICT, POLICY);
const group = (domain: string) => model.external.find((candidate) => candidate.domain === domain);

describe('buildReviewModel with domain items', () => {
  it('gives each outside group its domain item and its rows no item of their own', () => {
    expect(model.external.map((candidate) => [candidate.domain, candidate.itemId])).toEqual([
      ['other.com', 'domain:other.com'],
      ['partner.co.jp', 'domain:partner.co.jp'],
      [LOOKALIKE_ASCII, `domain:${LOOKALIKE_ASCII}`],
    ]);
    expect(group('other.com')?.recipients.map((row) => row.address)).toEqual(['alice@other.com', 'bob@other.com']);
    for (const row of model.external.flatMap((candidate) => candidate.recipients)) expect(row.itemId).toBeNull();
  });

  it('keeps the findings: on the rows they name, and all of the item’s on the group', () => {
    const lookalike = group(LOOKALIKE_ASCII);
    expect(lookalike?.recipients[0]?.findings).toEqual([LOOKALIKE_FINDING]);
    expect(lookalike?.findings).toEqual([LOOKALIKE_FINDING]);
    expect(lookalike?.suspicious).toBe(true);
    expect(group('other.com')?.findings).toEqual([DOMAIN_WIDE_FINDING]);
  });

  it('shows no domain item anywhere else: every checklist item has exactly one checkbox', () => {
    const checkboxIds = [
      ...model.internal.map((row) => row.itemId),
      ...model.external.flatMap((candidate) => [candidate.itemId, ...candidate.recipients.map((row) => row.itemId)]),
      ...model.attachments.map((row) => row.itemId),
      ...model.findings.map((row) => row.itemId),
    ].filter((id) => id !== null);
    expect(checkboxIds.sort()).toEqual(DOMAIN_CHECKLIST.map((item) => item.id).sort());
    expect(model.internal.map((row) => row.address)).toEqual(['jiro@example.co.jp']);
  });

  it('counts one item per domain, and ticking them confirms', () => {
    expect(remainingCount(model, new Map())).toBe(5);
    const ticks = setTicked(model, new Map(), [...model.checklist.keys()], true);
    expect(canConfirm(model, ticks)).toBe(true);
  });

  it('gives a domain item’s recipient the snapshot lacks a row without a checkbox', () => {
    const built = buildReviewModel(SNAPSHOT, DOMAIN_VERDICT, POLICY);
    const rows = built.external.find((candidate) => candidate.domain === 'other.com')?.recipients ?? [];
    expect(rows.map((row) => [row.address, row.itemId])).toEqual([
      ['bob@other.com', null],
      ['alice@other.com', null],
    ]);
  });

  it('changes nothing with confirmPer "recipient"', () => {
    const built = buildReviewModel(SNAPSHOT, VERDICT, POLICY);
    for (const candidate of built.external) {
      expect(candidate.itemId).toBeNull();
      expect(candidate.findings).toEqual([]);
      for (const row of candidate.recipients) expect(row.itemId).not.toBeNull();
    }
  });

  it('matches what the policy builds: one group per domain item, named by the same ASCII domain', () => {
    const snapshot: MessageSnapshot = {
      ...SNAPSHOT,
      to: [{ address: 'a@partner-one.example' }, { address: 'B@Partner-One.example' }, { address: 'c@bücher.example' }],
      cc: [],
    };
    const policy = { ...POLICY, trustedDomains: [], confirmPer: 'domain' as const };
    const verdict = evaluate(snapshot, policy, {});
    const built = buildReviewModel(snapshot, verdict, policy);
    const domainIds = verdict.checklist.filter((item) => item.kind === 'domain').map((item) => item.id);
    expect(domainIds).toHaveLength(2);
    expect(built.external.map((candidate) => candidate.itemId).sort()).toEqual([...domainIds].sort());
    expect(built.external.map((candidate) => candidate.recipients.length).sort()).toEqual([1, 2]);
  });
});
