import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { POLICY_REASON_MAX_LENGTH, type PolicyVersionSummary } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { usePageStyles } from './styles.js';

export function sourceText(version: PolicyVersionSummary, text: AdminText): string {
  if (version.source === 'rollback') return text('admin.policy.source.rollback', { version: version.restoredFrom ?? '?' });
  return text(`admin.policy.source.${version.source}`);
}

export function authorText(version: PolicyVersionSummary, text: AdminText): string {
  return version.createdBy === null ? text('admin.policy.byFile') : (version.createdBy.address ?? version.createdBy.id);
}

export interface PolicyHistoryProps {
  readonly versions: readonly PolicyVersionSummary[];
  readonly active: number;
  readonly text: AdminText;
  rollback(version: number, reason: string): void;
}

/** Every version, newest first; any but the active one can be restored, with a reason. */
export function PolicyHistory({ versions, active, text, rollback }: PolicyHistoryProps) {
  const styles = usePageStyles();
  const [asking, setAsking] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Table size="small" data-testid="policy-history">
      <TableHeader>
        <TableRow>
          {(['version', 'at', 'by', 'source', 'reason'] as const).map((column) => (
            <TableHeaderCell key={column} scope="col">
              {text(`admin.policy.${column}`)}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((version) => (
          <TableRow key={version.version}>
            <TableCell>{version.version}</TableCell>
            <TableCell>{text.time(version.createdAt)}</TableCell>
            <TableCell>{authorText(version, text)}</TableCell>
            <TableCell>{sourceText(version, text)}</TableCell>
            <TableCell>{version.reason}</TableCell>
            <TableCell>
              {version.version === active ? null : asking === version.version ? (
                <form
                  className={styles.form}
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (reason.trim() === '') return;
                    rollback(version.version, reason.trim());
                    setAsking(null);
                    setReason('');
                  }}
                >
                  <Field label={text('admin.policy.rollbackReason', { version: version.version })} required>
                    <Input
                      value={reason}
                      onChange={(event) => setReason(event.currentTarget.value)}
                      maxLength={POLICY_REASON_MAX_LENGTH}
                      autoFocus
                      data-testid="policy-rollback-reason"
                    />
                  </Field>
                  <Button type="submit" appearance="primary" disabled={reason.trim() === ''} data-testid="policy-rollback-confirm">
                    {text('admin.policy.rollbackConfirm')}
                  </Button>
                  <Button type="button" onClick={() => setAsking(null)}>
                    {text('admin.policy.cancel')}
                  </Button>
                </form>
              ) : (
                <Button onClick={() => setAsking(version.version)} data-testid={`policy-rollback-${version.version}`}>
                  {text('admin.policy.rollback', { version: version.version })}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
