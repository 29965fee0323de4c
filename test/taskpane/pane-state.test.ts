import { describe, expect, it } from 'vitest';
import { INITIAL_PANE_STATE, reducePane, type PaneEvent, type PaneState } from '../../src/taskpane/pane-state.js';
import { buildReviewModel, isTicked } from '../../src/taskpane/review-model.js';
import type { Review } from '../../src/taskpane/review-session.js';
import { CHECKLIST, POLICY, SNAPSHOT, VERDICT, verdictWith } from './fixtures.js';

function review(verdict = VERDICT): Review {
  return {
    policy: POLICY,
    policyDocument: {},
    policySource: 'server',
    snapshot: SNAPSHOT,
    verdict,
    model: buildReviewModel(SNAPSHOT, verdict, POLICY),
    inspectionNotSaved: false,
    approvalFingerprint: null,
    approval: null,
  };
}

function run(events: readonly PaneEvent[], from: PaneState = INITIAL_PANE_STATE): PaneState {
  return events.reduce(reducePane, from);
}

const firstId = CHECKLIST[0]?.id ?? '';
const secondId = CHECKLIST[1]?.id ?? '';
const officeProblem = { kind: 'office', operation: 'getAsync', code: '9002' } as const;

describe('reducePane', () => {
  it('starts loading with nothing to show', () => {
    expect(INITIAL_PANE_STATE.work).toEqual({ kind: 'loading' });
    expect(INITIAL_PANE_STATE.review).toBeNull();
  });

  it('shows the first evaluation with the recorded fingerprint and no work', () => {
    const state = run([{ type: 'evaluated', review: review(), confirmedFingerprint: 'old' }]);
    expect(state.work).toBeNull();
    expect(state.confirmedFingerprint).toBe('old');
    expect(state.review?.verdict).toBe(VERDICT);
  });

  it('ignores ticks before there is anything to tick', () => {
    expect(run([{ type: 'ticked', itemIds: [firstId], ticked: true }]).ticks.size).toBe(0);
  });

  it('keeps ticks for unchanged items when the message is evaluated again', () => {
    const state = run([
      { type: 'evaluated', review: review() },
      { type: 'ticked', itemIds: [firstId, secondId], ticked: true },
      { type: 'evaluated', review: review(verdictWith({ checklist: CHECKLIST.filter((item) => item.id !== secondId) })) },
    ]);
    const model = state.review?.model;
    expect(model && isTicked(model, state.ticks, firstId)).toBe(true);
    expect(state.ticks.has(secondId)).toBe(false);
  });

  it('keeps the recorded fingerprint unless the evaluation brings one', () => {
    const state = run([
      { type: 'evaluated', review: review(), confirmedFingerprint: 'fingerprint-1' },
      { type: 'evaluated', review: review(verdictWith({ fingerprint: 'fingerprint-2' })) },
    ]);
    expect(state.confirmedFingerprint).toBe('fingerprint-1');
  });

  it('keeps what is shown and the ticks when something fails', () => {
    const state = run([
      { type: 'evaluated', review: review() },
      { type: 'ticked', itemIds: [firstId], ticked: true },
      { type: 'work-started', work: { kind: 'moving' } },
      { type: 'failed', problem: officeProblem },
    ]);
    expect(state.review).not.toBeNull();
    expect(state.ticks.has(firstId)).toBe(true);
    expect(state.problem).toEqual(officeProblem);
    expect(state.work).toBeNull();
  });

  it.each<[string, PaneEvent]>([
    ['new work', { type: 'work-started', work: { kind: 'refreshing' } }],
    ['a successful evaluation', { type: 'evaluated', review: review() }],
    ['a recorded confirmation', { type: 'confirmed', fingerprint: 'fingerprint-1' }],
  ])('clears a problem reading the item on %s', (_case, event) => {
    expect(run([{ type: 'failed', problem: officeProblem }, event]).problem).toBeNull();
  });

  const failedMove: readonly PaneEvent[] = [
    { type: 'evaluated', review: review() },
    { type: 'work-started', work: { kind: 'moving' } },
    { type: 'failed', problem: officeProblem },
  ];

  it.each<[string, readonly PaneEvent[], boolean]>([
    [
      'the re-read its own change triggers',
      [
        { type: 'work-started', work: { kind: 'refreshing' } },
        { type: 'evaluated', review: review() },
      ],
      true,
    ],
    ['the next action', [{ type: 'work-started', work: { kind: 'removing', address: 'bob@other.com' } }], false],
    ['a reload', [{ type: 'work-started', work: { kind: 'loading' } }], false],
  ])('keeps a failed action in view across %s: %s', (_case, then, kept) => {
    expect(run([...failedMove, ...then]).problem).toEqual(kept ? officeProblem : null);
  });

  it('records the confirmed fingerprint', () => {
    const state = run([
      { type: 'evaluated', review: review() },
      { type: 'work-started', work: { kind: 'confirming' } },
      { type: 'confirmed', fingerprint: 'fingerprint-1' },
    ]);
    expect(state.confirmedFingerprint).toBe('fingerprint-1');
    expect(state.work).toBeNull();
  });
});
