import { useSectionStyles } from './page-styles.js';

export interface FieldRow {
  readonly label: string;
  readonly value: string;
  readonly testId?: string;
}

/** Label–value pairs as a description list, which screen readers announce as pairs. */
export function FieldRows({ rows }: { readonly rows: readonly FieldRow[] }) {
  const styles = useSectionStyles();
  return (
    <dl className={styles.fields}>
      {rows.map((row) => (
        <div key={row.label} className={styles.pair}>
          <dt className={styles.label}>{row.label}</dt>
          <dd className={styles.value} data-testid={row.testId}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
