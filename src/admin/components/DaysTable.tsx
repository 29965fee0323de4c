import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { AdminText } from '../admin-text.js';
import type { StatsView } from '../stats-view.js';
import { useFigureTableStyles } from './CountTable.js';

/** Checks per day by decision, in text: one row a day, one column a decision, and the day's total. */
export function DaysTable({ view, text }: { readonly view: StatsView; readonly text: AdminText }) {
  const styles = useFigureTableStyles();
  return (
    <Table size="extra-small" className={styles.table} data-testid="stats-days-table">
      <caption className={styles.caption}>{text('admin.stats.chartData')}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{text('admin.stats.day')}</TableHeaderCell>
          {view.decisions.map((decision) => (
            <TableHeaderCell key={decision.code} scope="col">
              {decision.name}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col">{text('admin.stats.total')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.days.map((day) => (
          <TableRow key={day.day}>
            <TableCell>{day.day}</TableCell>
            {day.counts.map((count, index) => (
              <TableCell key={view.decisions[index]?.code ?? index}>{text.number(count)}</TableCell>
            ))}
            <TableCell>{text.number(day.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
