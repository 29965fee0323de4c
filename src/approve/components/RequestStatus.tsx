import type { ApprovalRequestView } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import { statusLine } from '../page-state.js';
import { FieldRows } from './FieldRows.js';
import { useSectionStyles } from './page-styles.js';

/** Where the request stands, who asked, and until when. */
export function RequestStatus({ request, text }: { readonly request: ApprovalRequestView; readonly text: PageText }) {
  const styles = useSectionStyles();
  const rows = [
    { label: text('approve.status.heading'), value: statusLine(request, text), testId: 'approve-status' },
    ...(request.comment === null || request.comment === ''
      ? []
      : [{ label: text('approve.status.comment'), value: request.comment, testId: 'approve-comment' }]),
    { label: text('approve.field.sender'), value: request.sender, testId: 'approve-sender' },
    { label: text('approve.field.requested'), value: text.time(request.createdAt) },
    { label: text('approve.field.expires'), value: text.time(request.expiresAt), testId: 'approve-expires' },
  ];
  return (
    <section className={styles.section} aria-labelledby="approve-status-heading" data-status={request.status} data-testid="approve-request">
      <h2 id="approve-status-heading" className={styles.heading}>
        {text('approve.request.heading')}
      </h2>
      <FieldRows rows={rows} />
    </section>
  );
}
