import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy, type ChecklistItem, type Finding, type MessageSnapshot, type Verdict } from '../../src/policy/index.js';
import {
  buildReviewModel,
  canConfirm,
  carryTicks,
  internalItemIds,
  isTicked,
  remainingCount,
  setTicked,
  type ReviewModel,
} from '../../src/taskpane/review-model.js';
import {
  CHECKLIST,
  KEYWORD_FINDING,
  LOOKALIKE_ASCII,
  LOOKALIKE_FINDING,
  POLICY,
  SNAPSHOT,
  VERDICT,
  recipientItem,
  verdictWith,
} from './fixtures.js';

const model = buildReviewModel(SNAPSHOT, VERDICT, POLICY);
const allIds = CHECKLIST.map((item) => item.id);

function tickAll(target: ReviewModel) {
  return setTicked(target, new Map(), [...target.checklist.keys()], true);
}

describe('buildReviewModel: grouping', () => {
  it('puts internal recipients apart and groups external ones by domain, sorted, unknown last', () => {
    expect(model.internal.map((row) => row.address)).toEqual(['jiro@example.co.jp']);
    expect(model.external.map((group) => group.domain)).toEqual(['other.com', 'partner.co.jp', LOOKALIKE_ASCII]);
    expect(model.external.map((group) => group.unicode)).toEqual(['other.com', 'partner.co.jp', 'аррӏе.com']);
  });

  it.each([
    ['hanako@partner.co.jp', 'recipient:to:hanako@partner.co.jp'],
    ['bob@other.com', 'recipient:cc:bob@other.com'],
    [`eve@${LOOKALIKE_ASCII}`, `recipient:cc:eve@${LOOKALIKE_ASCII}`],
  ])('links %s to its checklist item', (address, itemId) => {
    const row = model.external.flatMap((group) => group.recipients).find((candidate) => candidate.address === address);
    expect(row?.itemId).toBe(itemId);
  });

  it('gives internal recipients no checklist item unless the verdict lists them', () => {
    expect(model.internal[0]?.itemId).toBeNull();
    expect(internalItemIds(model)).toEqual([]);
  });

  it('attaches findings to the recipient and attachment they are about', () => {
    const eve = model.external.find((group) => group.domain === LOOKALIKE_ASCII)?.recipients[0];
    expect(eve?.findings.map((finding) => finding.rule)).toEqual(['lookalike-domain']);
    expect(model.attachments[0]?.findings.map((finding) => finding.rule)).toEqual(['attachment-to-external']);
  });

  it('keeps a row for an address without a usable domain, in the last group', () => {
    const snapshot: MessageSnapshot = { ...SNAPSHOT, to: [...SNAPSHOT.to, { address: 'nobody' }] };
    const built = buildReviewModel(snapshot, VERDICT, POLICY);
    const last = built.external.at(-1);
    expect(last?.domain).toBeNull();
    expect(last?.recipients.map((row) => row.address)).toEqual(['nobody']);
  });

  it('shows each recipient once per field even when the snapshot repeats it in another case', () => {
    const snapshot: MessageSnapshot = { ...SNAPSHOT, to: [...SNAPSHOT.to, { address: 'HANAKO@Partner.co.jp' }] };
    const built = buildReviewModel(snapshot, VERDICT, POLICY);
    const partner = built.external.find((group) => group.domain === 'partner.co.jp');
    expect(partner?.recipients).toHaveLength(1);
  });

  it('turns checklist items the snapshot lacks into rows, so every item can be ticked', () => {
    const verdict = verdictWith({
      checklist: [
        ...CHECKLIST,
        recipientItem('ghost@far.example', 'bcc', 'far.example'),
        { id: 'attachment:gone.pdf', kind: 'attachment', name: 'gone.pdf', size: 10, findingIds: [] },
        { id: 'finding:missing', kind: 'finding', findingId: 'missing' },
      ],
    });
    const built = buildReviewModel(SNAPSHOT, verdict, POLICY);
    const rowItemIds = [
      ...built.internal.map((row) => row.itemId),
      ...built.external.flatMap((group) => group.recipients.map((row) => row.itemId)),
      ...built.attachments.map((row) => row.itemId),
      ...built.findings.map((row) => row.itemId),
    ];
    for (const item of verdict.checklist) expect(rowItemIds).toContain(item.id);
    expect(built.findings.find((row) => row.findingId === 'missing')?.finding).toBeNull();
  });

  it.each<[string, Verdict, readonly string[]]>([
    ['own items and findings no row covers are listed', VERDICT, [LOOKALIKE_FINDING.id, KEYWORD_FINDING.id]],
    [
      'nothing is covered when there is no checklist',
      verdictWith({ decision: 'block', checklist: [] }),
      [LOOKALIKE_FINDING.id, 'attachment-to-external:見積書.xlsx', KEYWORD_FINDING.id],
    ],
  ])('lists findings apart from rows: %s', (_case, verdict, listed) => {
    expect(buildReviewModel(SNAPSHOT, verdict, POLICY).findings.map((row) => row.findingId)).toEqual(listed);
  });

  it('spells out a suspicious domain once, under its look-alike finding', () => {
    const blocked: Finding = {
      id: 'blocked-recipient:cc:eve',
      rule: 'blocked-recipient',
      severity: 'block',
      targets: [{ kind: 'recipient', address: `eve@${LOOKALIKE_ASCII}`, field: 'cc' }],
      messageKey: 'finding.blocked-recipient',
      params: {},
    };
    const built = buildReviewModel(SNAPSHOT, verdictWith({ decision: 'block', findings: [blocked, ...VERDICT.findings] }), POLICY);
    const explained = built.findings.filter((row) => row.explanations.length > 0).map((row) => row.findingId);
    expect(explained).toEqual([LOOKALIKE_FINDING.id]);
  });

  it('marks the recipients the verdict suggests removing', () => {
    const built = buildReviewModel(
      SNAPSHOT,
      verdictWith({ actions: [{ kind: 'remove-recipient', address: `EVE@${LOOKALIKE_ASCII}`, field: 'cc' }] }),
      POLICY,
    );
    const suggested = built.external.flatMap((group) => group.recipients).filter((row) => row.removalSuggested);
    expect(suggested.map((row) => row.key)).toEqual([`cc:eve@${LOOKALIKE_ASCII}`]);
  });

  it('lists blocking findings first and collects them for the explanation', () => {
    const blocked: Finding = { ...KEYWORD_FINDING, id: 'keyword:block', severity: 'block' };
    const built = buildReviewModel(SNAPSHOT, verdictWith({ decision: 'block', findings: [...VERDICT.findings, blocked] }), POLICY);
    expect(built.findings[0]?.findingId).toBe('keyword:block');
    expect(built.blockingFindings).toEqual([blocked]);
  });

  it.each<[string, Verdict['actions'], readonly string[]]>([
    ['no action', [], []],
    ['one move', [{ kind: 'move-to-bcc', addresses: ['a@x.jp', 'b@y.jp'] }], ['a@x.jp', 'b@y.jp']],
    [
      'moves merged without repeats',
      [
        { kind: 'move-to-bcc', addresses: ['a@x.jp'] },
        { kind: 'remove-recipient', address: 'c@z.jp', field: 'to' },
        { kind: 'move-to-bcc', addresses: ['a@x.jp', 'b@y.jp'] },
      ],
      ['a@x.jp', 'b@y.jp'],
    ],
  ])('suggests Bcc addresses: %s', (_case, actions, expected) => {
    expect(buildReviewModel(SNAPSHOT, verdictWith({ actions }), POLICY).moveToBcc).toEqual(expected);
  });
});

describe('ticks and confirmation', () => {
  it.each<[string, Verdict['decision'], readonly string[], boolean]>([
    ['confirm, everything ticked', 'confirm', allIds, true],
    ['confirm, one left', 'confirm', allIds.slice(1), false],
    ['confirm, nothing ticked', 'confirm', [], false],
    ['block, everything ticked', 'block', allIds, false],
    ['allow, nothing to tick', 'allow', [], false],
  ])('canConfirm: %s', (_case, decision, ticked, expected) => {
    const built = buildReviewModel(SNAPSHOT, verdictWith({ decision }), POLICY);
    expect(canConfirm(built, setTicked(built, new Map(), ticked, true))).toBe(expected);
  });

  it('counts what is left and ignores ids that are not on the checklist', () => {
    const ticks = setTicked(model, new Map(), [allIds[0] ?? '', 'not-an-item'], true);
    expect([...ticks.keys()]).toEqual([allIds[0]]);
    expect(remainingCount(model, ticks)).toBe(allIds.length - 1);
  });

  it('unticks', () => {
    const ticks = setTicked(model, tickAll(model), [allIds[0] ?? ''], false);
    expect(isTicked(model, ticks, allIds[0] ?? '')).toBe(false);
    expect(remainingCount(model, ticks)).toBe(1);
  });

  const changedChecklist = (id: string, change: (item: ChecklistItem) => ChecklistItem) =>
    CHECKLIST.map((item) => (item.id === id ? change(item) : item));

  it.each<[string, Verdict, readonly string[]]>([
    ['the same content evaluated again', VERDICT, allIds],
    [
      'a recipient removed',
      verdictWith({ checklist: CHECKLIST.filter((item) => item.id !== 'recipient:cc:bob@other.com') }),
      allIds.filter((id) => id !== 'recipient:cc:bob@other.com'),
    ],
    [
      'an attachment of the same name but another size',
      verdictWith({
        checklist: changedChecklist('attachment:見積書.xlsx', (item) => ({ ...item, size: 99 }) as ChecklistItem),
      }),
      allIds.filter((id) => id !== 'attachment:見積書.xlsx'),
    ],
    [
      'a recipient moved to another field under the same id',
      verdictWith({
        checklist: changedChecklist('recipient:cc:bob@other.com', (item) => ({ ...item, field: 'bcc' }) as ChecklistItem),
      }),
      allIds.filter((id) => id !== 'recipient:cc:bob@other.com'),
    ],
    [
      'a new finding about a recipient',
      verdictWith({
        checklist: changedChecklist(
          'recipient:cc:bob@other.com',
          (item) => ({ ...item, findingIds: [KEYWORD_FINDING.id] }) as ChecklistItem,
        ),
      }),
      allIds.filter((id) => id !== 'recipient:cc:bob@other.com'),
    ],
    [
      'a finding that now says something else',
      verdictWith({
        findings: [LOOKALIKE_FINDING, VERDICT.findings[1] as Finding, { ...KEYWORD_FINDING, params: { term: '請求' } }],
      }),
      allIds.filter((id) => id !== `finding:${KEYWORD_FINDING.id}`),
    ],
    [
      'a look-alike finding that now imitates another domain',
      verdictWith({
        findings: [
          { ...LOOKALIKE_FINDING, params: { ...LOOKALIKE_FINDING.params, imitates: 'apple.co.jp' } },
          ...VERDICT.findings.slice(1),
        ],
      }),
      allIds.filter((id) => id !== `recipient:cc:eve@${LOOKALIKE_ASCII}`),
    ],
  ])('carryTicks after %s keeps exactly the unchanged items', (_case, next, kept) => {
    const nextModel = buildReviewModel(SNAPSHOT, next, POLICY);
    const carried = carryTicks(tickAll(model), nextModel);
    expect([...carried.keys()].sort()).toEqual([...kept].sort());
    for (const id of kept) expect(isTicked(nextModel, carried, id)).toBe(true);
  });

  it('does not count a tick whose item changed under it', () => {
    const ticks = tickAll(model);
    const changed = buildReviewModel(
      SNAPSHOT,
      verdictWith({ checklist: changedChecklist('attachment:見積書.xlsx', (item) => ({ ...item, size: 1 }) as ChecklistItem) }),
      POLICY,
    );
    expect(isTicked(changed, ticks, 'attachment:見積書.xlsx')).toBe(false);
    expect(canConfirm(changed, ticks)).toBe(false);
  });

  it('offers tick-all only over internal items on the checklist', () => {
    const internal: ChecklistItem = {
      id: 'recipient:to:jiro@example.co.jp',
      kind: 'recipient',
      address: 'jiro@example.co.jp',
      field: 'to',
      domain: 'example.co.jp',
      external: false,
      findingIds: [],
    };
    const built = buildReviewModel(SNAPSHOT, verdictWith({ checklist: [...CHECKLIST, internal] }), POLICY);
    expect(internalItemIds(built)).toEqual([internal.id]);
  });
});

describe('buildReviewModel: lists that reach outside', () => {
  const parsed = parsePolicy({
    internalDomains: ['example.co.jp'],
    mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['partner.co.jp'] }],
    unknownLists: 'treat-as-external',
  });
  const policy = parsed.ok ? parsed.policy : POLICY;
  const snapshot: MessageSnapshot = {
    ...SNAPSHOT,
    to: [{ address: 'pj@example.co.jp' }, { address: 'jiro@example.co.jp' }, { address: 'team@example.co.jp', type: 'distributionList' }],
    cc: [],
  };
  const listModel = buildReviewModel(snapshot, evaluate(snapshot, policy, {}), policy);
  const outsideRows = listModel.external.flatMap((group) => group.recipients);

  it('lists them with the outside recipients, each with a tick and the domains it reaches', () => {
    expect(parsed.ok).toBe(true);
    expect(listModel.internal.map((row) => row.address)).toEqual(['jiro@example.co.jp']);
    expect(outsideRows.map((row) => [row.address, row.itemId, row.outsideDomains])).toEqual([
      ['pj@example.co.jp', 'recipient:to:pj@example.co.jp', ['partner.co.jp']],
      ['team@example.co.jp', 'recipient:to:team@example.co.jp', []],
    ]);
  });

  it('heads them as lists, first, instead of under their own internal domain', () => {
    expect(listModel.external.map((group) => [group.lists, group.domain, group.recipients.map((row) => row.address)])).toEqual([
      [true, null, ['pj@example.co.jp', 'team@example.co.jp']],
    ]);
  });

  it('asks for a new tick when the domains a list reaches change', () => {
    const wider = parsePolicy({
      internalDomains: ['example.co.jp'],
      mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['partner.co.jp', 'vendor.example'] }],
      unknownLists: 'treat-as-external',
    });
    if (!wider.ok) throw new Error('invalid test policy');
    const widerModel = buildReviewModel(snapshot, evaluate(snapshot, wider.policy, {}), wider.policy);
    const ticks = setTicked(listModel, new Map(), ['recipient:to:pj@example.co.jp'], true);
    expect(isTicked(listModel, ticks, 'recipient:to:pj@example.co.jp')).toBe(true);
    expect(isTicked(widerModel, carryTicks(ticks, widerModel), 'recipient:to:pj@example.co.jp')).toBe(false);
  });
});
