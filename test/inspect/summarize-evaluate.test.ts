// The send-time path end to end in pure code: detectors -> summarizeInspection -> evaluate.
import { describe, expect, test } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { detectAll, inspectExtraction, summarizeInspection, type AttachmentToSummarize } from '../../src/inspect/index.js';
import { evaluate, parsePolicy, type InspectionSummary, type MessageSnapshot, type Policy, type Verdict } from '../../src/policy/index.js';

function policyFrom(document: Record<string, unknown>): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

// About inspection: attachment protection is off so its finding does not mix in.
const POLICY = policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { external: 'none' } } });
const OUTSIDE = [{ address: 'hanako@partner.co.jp' }];
const INSIDE = [{ address: 'jiro@example.co.jp' }];
const ROSTER = { name: '社員名簿.xlsx', size: 18342, inline: false };

function mail(to: MessageSnapshot['to'], parts: Partial<MessageSnapshot> = {}): MessageSnapshot {
  return { to, cc: [], bcc: [], subject: '資料送付', body: 'よろしくお願いします。', attachments: [ROSTER], ...parts };
}

const ROSTER_OUTCOME: AttachmentToSummarize = {
  name: ROSTER.name,
  size: ROSTER.size,
  outcome: inspectExtraction({
    status: 'ok',
    parts: [{ where: 'sheet:名簿', text: '氏名\t個人番号\n山田太郎\t123456789018' }],
    unread: [],
  }),
};

function check(snapshot: MessageSnapshot, inspection?: InspectionSummary): Verdict {
  return evaluate(snapshot, POLICY, { ...(inspection === undefined ? {} : { inspection }) });
}

function inspectionOf(snapshot: MessageSnapshot, attachments: AttachmentToSummarize[]): InspectionSummary {
  return summarizeInspection({ subject: detectAll(snapshot.subject), body: detectAll(snapshot.body), attachments });
}

describe('evaluate with an inspection summary', () => {
  test('My Number in an attachment to an outside recipient blocks, with the masked sample only', () => {
    const snapshot = mail(OUTSIDE);
    const verdict = check(snapshot, inspectionOf(snapshot, [ROSTER_OUTCOME]));
    expect(verdict.decision).toBe('block');
    const finding = verdict.findings.find((candidate) => candidate.rule === 'personal-data');
    expect(finding).toMatchObject({
      id: 'personal-data:my-number:attachment:社員名簿.xlsx:18342',
      severity: 'block',
      targets: [{ kind: 'attachment', name: ROSTER.name, size: ROSTER.size }],
      params: { count: 1, samples: '1234 **** 9018', where: '社員名簿.xlsx (sheet:名簿)' },
    });
    expect(translate('ja', finding!.messageKey, finding?.params)).toBe(
      '添付ファイル 社員名簿.xlsx (sheet:名簿) に個人番号（マイナンバー）が 1 件含まれています（例：1234 **** 9018）。',
    );
    expect(JSON.stringify(verdict)).not.toContain('123456789018');
  });

  test('the same to internal recipients only is allowed', () => {
    const snapshot = mail(INSIDE);
    expect(check(snapshot, inspectionOf(snapshot, [ROSTER_OUTCOME])).decision).toBe('allow');
  });

  test('ten e-mail addresses in the body ask for confirmation, with their own checklist row', () => {
    const body = Array.from({ length: 10 }, (_unused, index) => `担当${index}: user${index}@customer.co.jp`).join('\n');
    const snapshot = mail(OUTSIDE, { body, attachments: [] });
    const verdict = check(snapshot, inspectionOf(snapshot, []));
    expect(verdict.decision).toBe('confirm');
    expect(verdict.findings.filter((finding) => finding.rule === 'personal-data').map((finding) => finding.id)).toEqual([
      'personal-data:email:body',
    ]);
    expect(verdict.checklist).toContainEqual({
      id: 'finding:personal-data:email:body',
      kind: 'finding',
      findingId: 'personal-data:email:body',
    });
  });

  test('nine e-mail addresses inside do not change anything', () => {
    const body = Array.from({ length: 9 }, (_unused, index) => `user${index}@customer.co.jp`).join('\n');
    const snapshot = mail(INSIDE, { body, attachments: [] });
    expect(check(snapshot, inspectionOf(snapshot, [])).decision).toBe('allow');
  });

  test('a password ZIP asks for confirmation by default', () => {
    const zip = { name: '見積書.zip', size: 4096, inline: false };
    const snapshot = mail(OUTSIDE, { attachments: [zip] });
    const outcome = inspectExtraction({ status: 'encrypted', reason: 'zip-encrypted' });
    const verdict = check(snapshot, inspectionOf(snapshot, [{ name: zip.name, size: zip.size, outcome }]));
    expect(verdict.decision).toBe('confirm');
    expect(verdict.checklist).toContainEqual({
      id: 'finding:encrypted-attachment:見積書.zip:4096',
      kind: 'finding',
      findingId: 'encrypted-attachment:見積書.zip:4096',
    });
    const row = verdict.checklist.find((item) => item.kind === 'attachment');
    expect(row).toMatchObject({
      name: zip.name,
      findingIds: ['attachment-to-external:見積書.zip:4096', 'encrypted-attachment:見積書.zip:4096'],
    });
  });

  test('an attachment not inspected within the budget is a finding, not a wait', () => {
    const snapshot = mail(OUTSIDE);
    const verdict = check(snapshot, inspectionOf(snapshot, [{ name: ROSTER.name, size: ROSTER.size }]));
    expect(verdict.decision).toBe('confirm');
    const finding = verdict.findings.find((candidate) => candidate.rule === 'uninspectable-attachment');
    expect(finding?.messageKey).toBe('finding.uninspectable-attachment.pending');
    expect(translate('en', finding!.messageKey, finding?.params)).toBe(
      'Preflight did not finish checking 社員名簿.xlsx in time, so it has not been checked for personal data.',
    );
  });

  test('without an inspection the verdict is what it was before inspection existed', () => {
    const verdict = check(mail(OUTSIDE));
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(['external-recipient', 'attachment-to-external']);
    expect(verdict.decision).toBe('confirm');
  });

  test('a confirmation covers the inspection findings: a new one changes the fingerprint', () => {
    const snapshot = mail(OUTSIDE);
    const pending = check(snapshot, inspectionOf(snapshot, [{ name: ROSTER.name, size: ROSTER.size }]));
    const clean = check(
      snapshot,
      inspectionOf(snapshot, [{ name: ROSTER.name, size: ROSTER.size, outcome: { status: 'inspected', parts: [] } }]),
    );
    expect(pending.fingerprint).not.toBe(clean.fingerprint);
  });
});
