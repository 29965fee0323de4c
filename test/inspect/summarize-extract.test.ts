// Extraction results plug into the summary as they are: a real xlsx read by extractText, summarised,
// evaluated.
import { describe, expect, test } from 'vitest';
import { extractText, type ExtractionResult } from '../../src/inspect/extract/index.js';
import { inspectExtraction, summarizeInspection } from '../../src/inspect/index.js';
import { evaluate, parsePolicy, type MessageSnapshot, type Policy } from '../../src/policy/index.js';
import { pptxFiles, xlsxFiles, zipOf } from './extract/fixtures.js';

function policyFrom(document: Record<string, unknown>): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

const POLICY = policyFrom({ internalDomains: ['example.co.jp'] });

async function verdictFor(name: string, bytes: Uint8Array, to: string) {
  const extraction: ExtractionResult = await extractText(name, bytes);
  const snapshot: MessageSnapshot = {
    to: [{ address: to }],
    cc: [],
    bcc: [],
    subject: '資料',
    body: '',
    attachments: [{ name, size: bytes.length, inline: false }],
  };
  const inspection = summarizeInspection({
    attachments: [{ name, size: bytes.length, outcome: inspectExtraction(extraction) }],
  });
  return { inspection, verdict: evaluate(snapshot, POLICY, { inspection }) };
}

describe('extractText -> summarizeInspection -> evaluate', () => {
  test('My Number in an xlsx sheet to an outside recipient blocks, naming the sheet', async () => {
    const { inspection, verdict } = await verdictFor('顧客一覧.xlsx', await zipOf(xlsxFiles()), 'hanako@partner.co.jp');
    expect(verdict.decision).toBe('block');
    const finding = verdict.findings.find((candidate) => candidate.rule === 'personal-data');
    expect(finding?.params).toMatchObject({ kind: 'my-number', samples: '1234 **** 9018' });
    expect(String(finding?.params.where)).toContain('顧客一覧.xlsx (sheet:顧客一覧');
    expect(JSON.stringify(inspection)).not.toContain('123456789018');
  });

  test('the same file to an internal recipient is allowed', async () => {
    const { verdict } = await verdictFor('顧客一覧.xlsx', await zipOf(xlsxFiles()), 'jiro@example.co.jp');
    expect(verdict.decision).toBe('allow');
  });

  test('a card number in speaker notes blocks', async () => {
    const { verdict } = await verdictFor('提案.pptx', await zipOf(pptxFiles()), 'hanako@partner.co.jp');
    expect(
      verdict.findings.filter((finding) => finding.rule === 'personal-data').map((finding) => [finding.params.kind, finding.severity]),
    ).toEqual([['payment-card', 'block']]);
  });

  test('an archive with an encrypted archive inside asks for confirmation', async () => {
    const inner = await zipOf({ 'a.txt': 'x' });
    inner[6] = (inner[6] ?? 0) | 1;
    const directory = findCentralDirectory(inner);
    inner[directory + 8] = (inner[directory + 8] ?? 0) | 1;
    const { verdict } = await verdictFor('資料.zip', await zipOf({ 'inner.zip': inner, 'memo.txt': 'こんにちは' }), 'hanako@partner.co.jp');
    expect(verdict.decision).toBe('confirm');
    expect(verdict.findings.find((finding) => finding.rule === 'encrypted-attachment')?.messageKey).toBe(
      'finding.encrypted-attachment.member',
    );
  });
});

/** Offset of the first central directory record (signature PK\x01\x02). */
function findCentralDirectory(bytes: Uint8Array): number {
  for (let index = 0; index + 3 < bytes.length; index += 1) {
    if (bytes[index] === 0x50 && bytes[index + 1] === 0x4b && bytes[index + 2] === 0x01 && bytes[index + 3] === 0x02) return index;
  }
  throw new Error('no central directory');
}
