import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { DryRunVerdict } from '../../check/dry-run.js';
import type { AdminText } from '../admin-text.js';
import { MAX_DRY_RUN_FILES, MAX_DRY_RUN_FILE_BYTES, readDryRunFile, type DryRunRead } from '../dry-run-files.js';
import { dryRunTable } from '../dry-run-view.js';
import type { DraftState } from '../policy-draft.js';
import { usePageStyles } from './styles.js';

const useStyles = makeStyles({
  zone: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  over: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  rules: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  verdict: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const DECISION_KEYS = {
  allow: 'admin.dryRun.decision.allow',
  confirm: 'admin.dryRun.decision.confirm',
  block: 'admin.dryRun.decision.block',
} as const;

function Verdict({ verdict, text, testId }: { readonly verdict: DryRunVerdict; readonly text: AdminText; readonly testId: string }) {
  const local = useStyles();
  return (
    <div className={local.verdict} data-testid={testId} data-decision={verdict.decision}>
      <strong>{text(DECISION_KEYS[verdict.decision])}</strong>
      {verdict.rules.length === 0 ? null : (
        <ul className={local.rules}>
          {verdict.rules.map((rule) => (
            <li key={rule}>
              {verdict.blocking.includes(rule) ? text('admin.dryRun.blocks', { rule: text.ruleName(rule) }) : text.ruleName(rule)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function failureText(read: Extract<DryRunRead, { ok: false }>, text: AdminText): string {
  if (read.failure === 'too-large')
    return text('admin.dryRun.failed.too-large', { name: read.name, limit: MAX_DRY_RUN_FILE_BYTES / 1024 / 1024 });
  if (read.failure === 'parse-failed') return text('admin.dryRun.failed.parse-failed', { name: read.name, detail: read.detail });
  return text(`admin.dryRun.failed.${read.failure}`, { name: read.name });
}

export interface DryRunSectionProps {
  readonly activeDocument: unknown;
  readonly draft: DraftState;
  readonly text: AdminText;
}

/** Sample mail dropped or chosen here is checked under the active policy and the draft, side by side. */
export function DryRunSection({ activeDocument, draft, text }: DryRunSectionProps) {
  const styles = usePageStyles();
  const local = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [reads, setReads] = useState<readonly DryRunRead[]>([]);
  const [progress, setProgress] = useState<{ readonly done: number; readonly total: number } | null>(null);
  const [over, setOver] = useState(false);
  const [cut, setCut] = useState(0);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const messages = useMemo(() => reads.flatMap((read) => (read.ok ? [read.message] : [])), [reads]);
  const failures = reads.flatMap((read) => (read.ok ? [] : [read]));
  const table = useMemo(() => dryRunTable(messages, activeDocument, draft), [messages, activeDocument, draft]);

  // Files dropped while others are being read wait their turn, so none is lost and the order is kept.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const taken = useRef(0);
  const readBatch = async (files: readonly File[]) => {
    const room = Math.max(0, MAX_DRY_RUN_FILES - taken.current);
    const batch = files.slice(0, room);
    taken.current += batch.length;
    setCut((before) => before + files.length - batch.length);
    for (const [index, file] of batch.entries()) {
      setProgress({ done: index + 1, total: batch.length });
      const read = await readDryRunFile({ name: file.name, size: file.size, bytes: () => file.arrayBuffer() });
      if (!alive.current) return;
      setReads((before) => [...before, read]);
    }
    setProgress(null);
  };
  const readAll = (files: readonly File[]) => {
    queue.current = queue.current.then(() => readBatch(files));
  };
  const clear = () => {
    taken.current = 0;
    setReads([]);
    setCut(0);
  };
  const busy = progress !== null;
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    readAll([...event.dataTransfer.files]);
  };

  return (
    <section className={styles.section} aria-labelledby="policy-dry-run-heading" data-testid="policy-dry-run">
      <h3 id="policy-dry-run-heading" className={styles.subheading}>
        {text('admin.dryRun')}
      </h3>
      <Text as="p" className={styles.note}>
        {text('admin.dryRun.intro')}
      </Text>
      <div
        className={over ? `${local.zone} ${local.over}` : local.zone}
        data-testid="dry-run-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text>{text('admin.dryRun.drop')}</Text>
        <Button onClick={() => input.current?.click()} data-testid="dry-run-choose">
          {text('admin.dryRun.choose')}
        </Button>
        {reads.length === 0 ? null : (
          <Button appearance="subtle" onClick={clear} disabled={busy} data-testid="dry-run-clear">
            {text('admin.dryRun.clear')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept=".eml,message/rfc822"
          hidden
          data-testid="dry-run-input"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            readAll(files);
          }}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="dry-run-status">
        {busy ? <Text>{text('admin.dryRun.reading', { done: progress.done, total: progress.total })}</Text> : null}
        {!busy && table.kind === 'rows' && table.rows.length > 0 ? (
          <Text>{text('admin.dryRun.summary', { changed: table.changed, total: table.rows.length })}</Text>
        ) : null}
        {table.kind === 'draft-invalid' && messages.length > 0 ? <Text>{text('admin.dryRun.draftInvalid')}</Text> : null}
        {table.kind === 'active-invalid' ? <Text>{text('admin.dryRun.activeInvalid')}</Text> : null}
      </div>
      {cut > 0 ? <Text as="p">{text('admin.dryRun.cut', { count: cut, limit: MAX_DRY_RUN_FILES })}</Text> : null}
      {failures.length === 0 ? null : (
        <ul className={styles.list} role="alert" data-testid="dry-run-failures">
          {failures.map((failure, index) => (
            <li key={`${failure.name} ${index}`}>{failureText(failure, text)}</li>
          ))}
        </ul>
      )}
      {table.kind === 'rows' && table.rows.length > 0 ? (
        <Table size="small" data-testid="dry-run-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{text('admin.dryRun.column.message')}</TableHeaderCell>
              <TableHeaderCell scope="col">{text('admin.dryRun.column.active')}</TableHeaderCell>
              <TableHeaderCell scope="col">{text('admin.dryRun.column.draft')}</TableHeaderCell>
              <TableHeaderCell scope="col">{text('admin.dryRun.column.change')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((row, index) => (
              <TableRow
                key={`${row.name} ${index}`}
                className={row.changed ? local.changed : undefined}
                data-testid="dry-run-row"
                data-changed={String(row.changed)}
              >
                <TableCell data-testid="dry-run-name">{row.name}</TableCell>
                <TableCell>
                  <Verdict verdict={row.active} text={text} testId="dry-run-active" />
                </TableCell>
                <TableCell>
                  <Verdict verdict={row.draft} text={text} testId="dry-run-draft" />
                </TableCell>
                <TableCell>
                  {row.changed ? (
                    <Badge color="warning" data-testid="dry-run-change">
                      {text('admin.dryRun.changed')}
                    </Badge>
                  ) : (
                    <Text data-testid="dry-run-change">{text('admin.dryRun.same')}</Text>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
