import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApprovalAttachment } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import { decisionOpen } from '../page-state.js';
import type { ApprovalPage } from '../use-approval-page.js';
import { DecisionSection } from './DecisionSection.js';
import { MessageSection } from './MessageSection.js';
import { ProblemBar } from './ProblemBar.js';
import { RequestStatus } from './RequestStatus.js';
import { SummarySection } from './SummarySection.js';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '60rem',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

export interface ApprovePageProps {
  readonly page: ApprovalPage;
  readonly text: PageText;
  download(attachment: ApprovalAttachment): Promise<void>;
}

/** The page in reading order: where the request stands, what the check found, the message, the decision. */
export function ApprovePage({ page, text, download }: ApprovePageProps) {
  const styles = useStyles();
  const { state } = page;
  return (
    <main className={styles.page} data-testid="approve-page" data-phase={state.phase}>
      <h1 className={styles.title}>{text('approve.title')}</h1>
      {state.phase === 'loading' ? <Spinner label={text('approve.loading')} data-testid="approve-loading" /> : null}
      {state.phase === 'failed' ? <ProblemBar problem={state.problem} text={text} onRetry={page.reload} testId="approve-problem" /> : null}
      {state.phase === 'ready' ? (
        <>
          <RequestStatus request={state.request} text={text} />
          <SummarySection summary={state.request.summary} text={text} />
          <MessageSection message={state.message} text={text} onRetry={page.retryMessage} download={download} />
          <DecisionSection request={state.request} decision={state.decision} open={decisionOpen(state)} text={text} decide={page.decide} />
        </>
      ) : null}
    </main>
  );
}
