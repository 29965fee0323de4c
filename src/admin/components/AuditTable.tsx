import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AdminAuditEvent } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { auditRow } from '../audit-rows.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '60rem' },
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  // The handler's claims must not pass for signed-in facts: tinted, and labelled in words too.
  unverified: { backgroundColor: tokens.colorPaletteYellowBackground1, fontStyle: 'italic' },
  user: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  cellList: { margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
});

export function AuditTable({ events, text }: { readonly events: readonly AdminAuditEvent[]; readonly text: AdminText }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table className={styles.table} size="small" data-testid="audit-table">
        <caption className={styles.caption}>{text('admin.audit.caption')}</caption>
        <TableHeader>
          <TableRow>
            {(['time', 'user', 'kind', 'decision', 'rules', 'client', 'duration'] as const).map((column) => (
              <TableHeaderCell key={column} scope="col">
                {text(`admin.audit.col.${column}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event, index) => {
            const row = auditRow(event, text);
            return (
              <TableRow
                key={index}
                className={row.verified ? undefined : styles.unverified}
                data-testid="audit-row"
                data-verified={row.verified}
              >
                <TableCell>{row.time}</TableCell>
                <TableCell>
                  <div className={styles.user}>
                    <span data-testid="audit-user">{row.user}</span>
                    {row.verified ? (
                      <Badge appearance="tint" color="success" size="small">
                        {text('admin.audit.verified')}
                      </Badge>
                    ) : (
                      <Tooltip content={text('admin.audit.unverifiedHint')} relationship="description">
                        <Badge appearance="filled" color="warning" size="small" tabIndex={0} data-testid="audit-unverified">
                          {text('admin.audit.unverified')}
                        </Badge>
                      </Tooltip>
                    )}
                  </div>
                </TableCell>
                <TableCell>{row.kind}</TableCell>
                <TableCell data-testid="audit-decision">{row.decision}</TableCell>
                <TableCell>
                  <ul className={styles.cellList}>
                    {row.rules.map((rule) => (
                      <li key={rule}>{rule}</li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell>{row.client}</TableCell>
                <TableCell>{row.durations.join(', ')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
