import { Button, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { readAuditEvents } from '../../api-client/index.js';
import type { AdminAuditEvent } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { EMPTY_AUDIT_FORM, filterOf, type AuditForm } from '../audit-form.js';
import { CALL_TIMEOUT_MS, type ConsoleSource } from '../console-source.js';
import { downloadExport, type ExportFormat } from '../export-download.js';
import { problemOf, type Problem } from '../problem.js';
import { useLoader } from '../use-loader.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditTable } from './AuditTable.js';
import { ProblemBar } from './ProblemBar.js';
import { usePageStyles } from './styles.js';

type ExportFailure = { readonly kind: 'failed'; readonly problem: Problem; readonly format: ExportFormat };
type ExportState = { readonly kind: 'idle' } | { readonly kind: 'working' } | ExportFailure;

export interface ExportProblemProps {
  readonly failure: ExportFailure;
  readonly text: AdminText;
  exportAs(format: ExportFormat): void;
}

/** A failed export; Try again downloads the same format again (closing the message alone would do nothing). */
export function ExportProblem({ failure, text, exportAs }: ExportProblemProps) {
  return <ProblemBar problem={failure.problem} text={text} onRetry={() => exportAs(failure.format)} testId="audit-export-problem" />;
}

export function AuditPage({ source, text }: { readonly source: ConsoleSource; readonly text: AdminText }) {
  const styles = usePageStyles();
  const [form, setForm] = useState<AuditForm>(EMPTY_AUDIT_FORM);
  const [exporting, setExporting] = useState<ExportState>({ kind: 'idle' });
  const { state, load } = useLoader<AdminAuditEvent[]>();
  const read = useCallback(
    (filters: AuditForm) => load(async () => readAuditEvents(source.origin, await source.token(), filterOf(filters), CALL_TIMEOUT_MS)),
    [load, source],
  );
  useEffect(() => read(form), [read, form]);

  const exportAs = (format: ExportFormat) => {
    setExporting({ kind: 'working' });
    downloadExport(source, filterOf(form), format).then(
      () => setExporting({ kind: 'idle' }),
      (error: unknown) => setExporting({ kind: 'failed', problem: problemOf(error), format }),
    );
  };

  return (
    <section className={styles.page} aria-labelledby="audit-heading" data-testid="audit-page">
      <h2 id="audit-heading" className={styles.heading}>
        {text('admin.audit.heading')}
      </h2>
      <AuditFilterForm text={text} initial={form} apply={setForm} />
      <div className={styles.actions}>
        <Button onClick={() => exportAs('csv')} disabled={exporting.kind === 'working'} data-testid="audit-export-csv">
          {text('admin.export.csv')}
        </Button>
        <Button onClick={() => exportAs('jsonl')} disabled={exporting.kind === 'working'} data-testid="audit-export-jsonl">
          {text('admin.export.jsonl')}
        </Button>
        {exporting.kind === 'working' ? <Spinner size="tiny" label={text('admin.export.working')} /> : null}
      </div>
      {exporting.kind === 'failed' ? <ExportProblem failure={exporting} text={text} exportAs={exportAs} /> : null}
      {state.phase === 'loading' || state.phase === 'idle' ? <Spinner label={text('admin.loading')} /> : null}
      {state.phase === 'failed' ? (
        <ProblemBar problem={state.problem} text={text} onRetry={() => read(form)} testId="admin-problem" />
      ) : null}
      {state.phase === 'ready' ? (
        <>
          <Text as="p" role="status" data-testid="audit-count">
            {text('admin.audit.count', { count: text.number(state.value.length), limit: text.number(form.limit) })}
          </Text>
          {state.value.length >= form.limit ? <Text as="p">{text('admin.audit.limitReached')}</Text> : null}
          {state.value.length === 0 ? <Text as="p">{text('admin.audit.empty')}</Text> : <AuditTable events={state.value} text={text} />}
          <Text as="p" className={styles.note}>
            {text('admin.audit.unverifiedHint')}
          </Text>
        </>
      ) : null}
    </section>
  );
}
