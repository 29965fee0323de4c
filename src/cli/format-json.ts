import type { InspectionSummary, Verdict } from '../policy/index.js';
import type { VerdictReport } from './message-report.js';

/**
 * The JSON contract of `check --format json` (docs/cli.md): one object per message, findings as evaluate made
 * them, and `inspection` (counts, parts and masked samples, never values) when the content was inspected.
 */
export function verdictObject(file: string, verdict: Verdict, inspection?: InspectionSummary): Readonly<Record<string, unknown>> {
  return {
    file,
    decision: verdict.decision,
    findings: verdict.findings,
    checklist: verdict.checklist,
    actions: verdict.actions,
    fingerprint: verdict.fingerprint,
    ...(inspection === undefined ? {} : { inspection }),
  };
}

/**
 * An array whenever more than one MESSAGE was named or a folder was, even if some were unreadable, so that
 * the shape of the output follows from the command line alone.
 */
export function formatVerdictsJson(reports: readonly VerdictReport[], several: boolean): string {
  const objects = reports.map(({ file, verdict, inspection }) => verdictObject(file, verdict, inspection));
  const output = several ? objects : objects[0];
  return output === undefined ? '' : JSON.stringify(output, null, 2) + '\n';
}
