import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApprovalDecision, ApprovalRequestView } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import { decisionRefusal, type DecisionState } from '../page-state.js';
import { ProblemBar } from './ProblemBar.js';
import { useSectionStyles } from './page-styles.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  outcome: { outlineOffset: '2px' },
});

export interface DecisionSectionProps {
  readonly request: ApprovalRequestView;
  readonly decision: DecisionState;
  /** False once decided, expired, or for a reader who may not decide: the buttons are gone, the outcome stays. */
  readonly open: boolean;
  readonly text: PageText;
  decide(decision: ApprovalDecision, comment: string): void;
}

/** Approve or reject with a comment (required to reject); the outcome takes the focus when it arrives. */
export function DecisionSection({ request, decision, open, text, decide }: DecisionSectionProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const settled = decision.kind === 'done' || decision.kind === 'refused';

  useEffect(() => {
    if (settled) outcome.current?.focus();
  }, [settled, decision]);

  if (!open && !settled) return null;
  const sending = decision.kind === 'sending';
  const submit = (choice: ApprovalDecision): void => {
    if (decisionRefusal(choice, comment) !== null) {
      setCommentMissing(true);
      commentBox.current?.focus();
      return;
    }
    setCommentMissing(false);
    decide(choice, comment);
  };

  return (
    <section className={section.section} aria-labelledby="approve-decision-heading" data-testid="approve-decision">
      <h2 id="approve-decision-heading" className={section.heading}>
        {text('approve.decision.heading')}
      </h2>
      {settled ? (
        <div
          ref={outcome}
          tabIndex={-1}
          role="status"
          className={styles.outcome}
          data-testid="approve-outcome"
          data-outcome={decision.kind === 'done' ? decision.decision : 'refused'}
        >
          {decision.kind === 'done' ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                {text(decision.decision === 'approve' ? 'approve.outcome.approved' : 'approve.outcome.rejected')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <ProblemBar
              problem={decision.problem}
              text={text}
              decidedBy={request.decidedBy}
              onRetry={() => decide(decision.decision, comment)}
              testId="approve-decision-problem"
            />
          )}
        </div>
      ) : null}
      {open ? (
        <>
          <Field
            label={text('approve.decision.comment')}
            validationState={commentMissing ? 'error' : 'none'}
            validationMessage={commentMissing ? text('approve.decision.commentRequired') : undefined}
          >
            <Textarea
              ref={commentBox}
              value={comment}
              onChange={(_event, data) => {
                setComment(data.value);
                if (data.value.trim() !== '') setCommentMissing(false);
              }}
              maxLength={2000}
              resize="vertical"
              disabled={sending}
              data-testid="approve-comment-input"
            />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => submit('approve')} disabled={sending} data-testid="approve-approve">
              {text('approve.decision.approve')}
            </Button>
            <Button onClick={() => submit('reject')} disabled={sending} data-testid="approve-reject">
              {text('approve.decision.reject')}
            </Button>
            {sending ? <Spinner size="tiny" label={text('approve.decision.sending')} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
