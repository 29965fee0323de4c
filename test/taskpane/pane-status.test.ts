import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { INITIAL_PANE_STATE, type PaneState } from '../../src/taskpane/pane-state.js';
import { paneStatus, type PaneStatus } from '../../src/taskpane/pane-status.js';
import { buildReviewModel, setTicked } from '../../src/taskpane/review-model.js';
import type { Problem, Review } from '../../src/taskpane/review-session.js';
import { CHECKLIST, POLICY, SNAPSHOT, verdictWith } from './fixtures.js';

function ready(overrides: Partial<PaneState> & { decision?: 'allow' | 'confirm' | 'block'; ticked?: number }): PaneState {
  const verdict = verdictWith({ decision: overrides.decision ?? 'confirm' });
  const model = buildReviewModel(SNAPSHOT, verdict, POLICY);
  const review: Review = {
    policy: POLICY,
    policyDocument: {},
    policySource: 'server',
    snapshot: SNAPSHOT,
    verdict,
    model,
    inspectionNotSaved: false,
    approvalFingerprint: null,
    approval: null,
  };
  const ids = CHECKLIST.slice(0, overrides.ticked ?? 0).map((item) => item.id);
  return {
    ...INITIAL_PANE_STATE,
    review,
    ticks: setTicked(model, new Map(), ids, true),
    work: null,
    confirmedFingerprint: overrides.confirmedFingerprint ?? null,
    problem: overrides.problem ?? null,
    ...(overrides.work !== undefined ? { work: overrides.work } : {}),
  };
}

const all = CHECKLIST.length;

describe('paneStatus', () => {
  it.each<[string, PaneState, Pick<PaneStatus, 'intent' | 'key'> & { params?: PaneStatus['params'] }]>([
    ['loading', INITIAL_PANE_STATE, { intent: 'busy', key: 'pane.loading' }],
    ['moving, over everything else', ready({ work: { kind: 'moving' }, decision: 'block' }), { intent: 'busy', key: 'pane.status.moving' }],
    [
      'removing one address',
      ready({ work: { kind: 'removing', address: 'bob@other.com' } }),
      { intent: 'busy', key: 'pane.status.removing', params: { address: 'bob@other.com' } },
    ],
    ['blocked', ready({ decision: 'block', ticked: all }), { intent: 'error', key: 'pane.status.block' }],
    ['allowed', ready({ decision: 'allow' }), { intent: 'success', key: 'pane.status.allow' }],
    ['nothing ticked', ready({}), { intent: 'info', key: 'pane.status.remaining.other', params: { count: all } }],
    ['one left', ready({ ticked: all - 1 }), { intent: 'info', key: 'pane.status.remaining.one' }],
    ['all ticked', ready({ ticked: all }), { intent: 'info', key: 'pane.status.readyToConfirm' }],
    [
      'confirmed this content',
      ready({ ticked: all, confirmedFingerprint: 'fingerprint-1' }),
      { intent: 'success', key: 'pane.status.confirmed' },
    ],
    [
      'confirmed other content',
      ready({ ticked: all, confirmedFingerprint: 'fingerprint-0' }),
      { intent: 'warning', key: 'pane.status.stale' },
    ],
  ])('%s', (_case, state, expected) => {
    expect(paneStatus(state)).toMatchObject({ params: {}, ...expected });
  });

  it('says a message waiting only for approval can go once approved, and blocked when anything else blocks too', () => {
    const approval = {
      id: 'approval-required:message',
      rule: 'approval-required',
      severity: 'block',
      targets: [],
      messageKey: 'finding.approval-required',
      params: {},
    } as const;
    const other = { ...approval, id: 'keyword:x', rule: 'keyword', messageKey: 'finding.keyword.subject' } as const;
    for (const [findings, expected] of [
      [[approval], { intent: 'warning', key: 'pane.status.needsApproval' }],
      [[approval, other], { intent: 'error', key: 'pane.status.block' }],
    ] as const) {
      const verdict = verdictWith({ decision: 'block', findings: [...findings] });
      const model = buildReviewModel(SNAPSHOT, verdict, POLICY);
      const state = ready({ decision: 'block' });
      expect(paneStatus({ ...state, review: { ...state.review!, verdict, model } })).toMatchObject(expected);
    }
  });

  it('shows upload progress over all files as a share and in MB, in both languages', () => {
    const status = paneStatus(ready({ work: { kind: 'linking', stage: 'upload', sentBytes: 3 * 1048576, totalBytes: 12 * 1048576 } }));
    expect(status).toMatchObject({ intent: 'busy', key: 'pane.link.stage.upload', progress: 0.25 });
    expect(translate('en', status.key, status.params)).toBe('Uploading encrypted: 25% (3 of 12 MB)');
    expect(translate('ja', status.key, status.params)).toBe('暗号化してアップロードしています: 25%（12 MB 中 3 MB）');
  });

  it('names the link stage without a bar before the upload starts', () => {
    const status = paneStatus(ready({ work: { kind: 'linking', stage: 'complete' } }));
    expect(status).toMatchObject({ key: 'pane.link.stage.complete' });
    expect(status.progress).toBeUndefined();
  });

  it('shows the ZIP request going to the server as a bar, then says the server is encrypting', () => {
    const sending = paneStatus(ready({ work: { kind: 'protecting', stage: 'protect', sentBytes: 5 * 1048576, totalBytes: 20 * 1048576 } }));
    expect(sending).toMatchObject({ intent: 'busy', key: 'pane.protect.stage.upload', progress: 0.25 });
    expect(translate('en', sending.key, sending.params)).toBe('Sending to the Preflight server for encryption: 25% (5 of 20 MB)');
    expect(translate('ja', sending.key, sending.params)).toBe('暗号化のため Preflight サーバーへ送信しています: 25%（20 MB 中 5 MB）');
    for (const work of [
      { kind: 'protecting', stage: 'protect', sentBytes: 20 * 1048576, totalBytes: 20 * 1048576 },
      { kind: 'protecting', stage: 'protect' },
    ] as const) {
      const status = paneStatus(ready({ work }));
      expect(status).toMatchObject({ key: 'pane.protect.stage.protect' });
      expect(status.progress).toBeUndefined();
    }
  });

  it.each<[Problem, string]>([
    [
      { kind: 'office', operation: 'removeRecipient', code: '5001' },
      'Outlook could not complete “removeRecipient” (code 5001). Your ticks are kept; try again.',
    ],
    [{ kind: 'office-not-ready' }, 'Outlook did not finish starting the add-in.'],
    [
      { kind: 'policy-unavailable' },
      'Your organisation’s policy could not be loaded and no saved copy is available. Check the connection and try again.',
    ],
    [{ kind: 'unexpected', message: 'boom' }, 'Something went wrong while checking the message.'],
    [
      { kind: 'api', cause: 'server', detail: 'Preflight API: http: Internal Server Error' },
      'Something went wrong while checking the message.',
    ],
  ])('problem %o offers a retry and says what happened', (problem, english) => {
    const status = paneStatus({ ...INITIAL_PANE_STATE, work: null, problem });
    expect(status.intent).toBe('error');
    expect(status.retry).toBe(true);
    expect(translate('en', status.key, status.params)).toBe(english);
    expect(translate('ja', status.key, status.params)).not.toBe(english);
  });
});
