import type { ApprovalSummary } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import { useSectionStyles } from './page-styles.js';

function Items({ items, text, testId }: { readonly items: readonly string[]; readonly text: PageText; readonly testId: string }) {
  const styles = useSectionStyles();
  if (items.length === 0) return <p className={styles.value}>{text('approve.summary.none')}</p>;
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((item) => (
        <li key={item} className={styles.value}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** What the sender's check found, kept after the message itself is gone (docs/approval.md). */
export function SummarySection({ summary, text }: { readonly summary: ApprovalSummary; readonly text: PageText }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="approve-summary-heading" data-testid="approve-summary">
      <h2 id="approve-summary-heading" className={styles.heading}>
        {text('approve.summary.heading')}
      </h2>
      <h3 className={styles.subheading}>{text('approve.summary.rules')}</h3>
      <Items items={summary.rules.map((rule) => text.ruleName(rule))} text={text} testId="approve-summary-rules" />
      <h3 className={styles.subheading}>{text('approve.summary.outsideDomains')}</h3>
      <Items items={summary.outsideDomains} text={text} testId="approve-summary-domains" />
      <h3 className={styles.subheading}>{text('approve.summary.attachments')}</h3>
      <Items items={summary.attachments} text={text} testId="approve-summary-attachments" />
    </section>
  );
}
