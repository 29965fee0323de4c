import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { timeText } from '../../i18n/page-format.js';
import { canRequest, type ApprovalPaneState } from '../approval-state.js';
import { usePaneText } from '../pane-text-context.js';
import { FailureText } from './FailureText.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  request: { alignSelf: 'flex-start' },
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

type Intent = 'info' | 'success' | 'warning' | 'error';

function intentOf(state: ApprovalPaneState): Intent {
  switch (state.kind) {
    case 'approved':
      return 'success';
    case 'rejected':
    case 'failed':
    case 'unavailable':
      return 'error';
    case 'expired':
      return 'warning';
    default:
      return 'info';
  }
}

/** Supervisor approval: what is needed, the request, and the decision as it comes in (the pane polls). */
export function ApprovalSection({
  state,
  busy,
  onRequest,
}: {
  readonly state: ApprovalPaneState;
  readonly busy: boolean;
  readonly onRequest: () => void;
}) {
  const styles = useStyles();
  const text = usePaneText();
  // The button goes while the request is made; keyboard users continue from the line that says how it went.
  const outcome = useRef<HTMLDivElement>(null);
  if (state.kind === 'idle') return null;
  const request = () => {
    outcome.current?.focus();
    onRequest();
  };
  const lines: string[] = [];
  switch (state.kind) {
    case 'approved':
      lines.push(text('pane.approval.approved', { approver: state.approver }));
      break;
    case 'needed':
      if (state.note !== null) lines.push(text(state.note === 'stale' ? 'pane.approval.stale' : 'pane.approval.changed'));
      lines.push(text('pane.approval.needed', { approvers: state.approvers.join(', ') }));
      break;
    case 'checking':
      lines.push(text('pane.approval.checking'));
      break;
    case 'requesting':
      lines.push(text('pane.approval.requesting'));
      break;
    case 'pending':
      lines.push(
        text('pane.approval.pending', {
          approvers: state.request.approvers.join(', '),
          expires: timeText(text.locale)(state.request.expiresAt),
        }),
      );
      if (!state.mailed) lines.push(text('pane.approval.notMailed'));
      break;
    case 'rejected':
      lines.push(text('pane.approval.rejected', { approver: state.request.decidedBy ?? '' }));
      break;
    case 'expired':
      lines.push(text('pane.approval.expired'));
      break;
    case 'unavailable':
      lines.push(text(state.reason === 'server' ? 'pane.approval.unavailable' : 'pane.approval.noApprover'));
      break;
    case 'failed':
      // Shown below with its cause and the collapsed technical detail.
      break;
  }
  const again = state.kind === 'rejected' || state.kind === 'expired' || state.kind === 'failed';
  return (
    <section
      className={styles.section}
      aria-labelledby="preflight-approval-heading"
      data-testid="preflight-approval"
      data-state={state.kind}
    >
      <h2 id="preflight-approval-heading" className={styles.heading}>
        {text('pane.approval.heading')}
      </h2>
      <MessageBar intent={intentOf(state)} layout="multiline">
        <MessageBarBody>
          {/* Announced when the decision arrives while the sender is elsewhere in the pane. */}
          <div ref={outcome} role="status" aria-live="polite" tabIndex={-1} data-testid="preflight-approval-outcome">
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {state.kind === 'failed' ? (
              <div>
                <FailureText message={text('pane.approval.failed')} cause={state.cause} technical={state.detail} />
              </div>
            ) : null}
            {state.kind === 'rejected' && state.request.comment !== null && state.request.comment !== '' ? (
              <blockquote className={styles.comment} data-testid="preflight-approval-comment">
                {state.request.comment}
              </blockquote>
            ) : null}
            {state.kind === 'pending' && !state.mailed ? (
              <Link href={state.pageUrl} target="_blank" rel="noreferrer" data-testid="preflight-approval-link">
                {state.pageUrl}
              </Link>
            ) : null}
          </div>
        </MessageBarBody>
      </MessageBar>
      {state.kind === 'requesting' || state.kind === 'pending' ? <Spinner size="tiny" label={text('pane.approval.waiting')} /> : null}
      {canRequest(state) ? (
        <Button
          className={styles.request}
          appearance="primary"
          disabledFocusable={busy}
          onClick={request}
          data-testid="preflight-approval-request"
        >
          {text(again ? 'pane.approval.requestAgain' : 'pane.approval.request')}
        </Button>
      ) : null}
    </section>
  );
}
