import type { Verdict } from '../policy/index.js';

/** The JSON contract of `check --format json` (DESIGN.md): one object per message, findings as evaluate made them. */
export function verdictObject(file: string, verdict: Verdict): Readonly<Record<string, unknown>> {
  return {
    file,
    decision: verdict.decision,
    findings: verdict.findings,
    checklist: verdict.checklist,
    actions: verdict.actions,
    fingerprint: verdict.fingerprint,
  };
}

/**
 * An array whenever more than one MESSAGE was named, even if some were unreadable, so that the shape of the
 * output follows from the command line alone.
 */
export function formatVerdictsJson(
  verdicts: readonly { readonly file: string; readonly verdict: Verdict }[],
  several: boolean,
): string {
  const objects = verdicts.map(({ file, verdict }) => verdictObject(file, verdict));
  const output = several ? objects : objects[0];
  return output === undefined ? '' : JSON.stringify(output, null, 2) + '\n';
}
