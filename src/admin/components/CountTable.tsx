import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';

export const useFigureTableStyles = makeStyles({
  // Beside its chart, not stretched across the page.
  table: { width: 'auto', minWidth: '16rem', maxWidth: '36rem' },
  caption: { textAlign: 'start', fontWeight: 600 },
});
import type { AdminText } from '../admin-text.js';
import type { NamedCount } from '../stats-view.js';

export interface CountTableProps {
  readonly caption: string;
  readonly nameHeader: string;
  readonly countHeader: string;
  readonly rows: readonly NamedCount[];
  readonly text: AdminText;
  readonly testId: string;
}

/** A chart's figures as a table: what a screen reader reads, and what the tests check. */
export function CountTable({ caption, nameHeader, countHeader, rows, text, testId }: CountTableProps) {
  const styles = useFigureTableStyles();
  return (
    <Table size="extra-small" className={styles.table} data-testid={testId}>
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{nameHeader}</TableHeaderCell>
          <TableHeaderCell scope="col">{countHeader}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.name}>
            <TableCell>{row.name}</TableCell>
            <TableCell>{text.number(row.count)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
