// Try again under a failed audit export downloads the same format again; it used to close the message
// only. ExportProblem and ProblemBar hold no state, so their elements can be read without a DOM.
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/admin-text.js';
import { ExportProblem } from '../../src/admin/components/AuditPage.js';
import type { ProblemBarProps } from '../../src/admin/components/ProblemBar.js';
import type { ExportFormat } from '../../src/admin/export-download.js';

function retried(format: ExportFormat): ExportFormat[] {
  const exported: ExportFormat[] = [];
  const bar = ExportProblem({
    failure: { kind: 'failed', problem: { kind: 'network' }, format },
    text: adminText('en'),
    exportAs: (again) => exported.push(again),
  }) as ReactElement<ProblemBarProps>;
  bar.props.onRetry();
  return exported;
}

describe('Try again on a failed export', () => {
  it('exports the same format again', () => {
    expect(retried('csv')).toEqual(['csv']);
    expect(retried('jsonl')).toEqual(['jsonl']);
  });
});
