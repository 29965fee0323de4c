import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { PageText } from '../page-text.js';
import { canRetry, problemText, type Problem } from '../problem.js';

export interface ProblemBarProps {
  readonly problem: Problem;
  readonly text: PageText;
  /** Who decided first, for a 409. */
  readonly decidedBy?: string | null;
  readonly onRetry?: () => void;
  readonly testId: string;
}

/** What went wrong, in words; "Try again" only where trying again can help. */
export function ProblemBar({ problem, text, decidedBy = null, onRetry, testId }: ProblemBarProps) {
  const { key, params } = problemText(problem, decidedBy);
  // The message being gone or never sent is a fact to note, not an error the reader caused.
  const intent =
    problem.kind === 'shredded' || problem.kind === 'no-content'
      ? 'info'
      : problem.kind === 'decided' || problem.kind === 'expired'
        ? 'warning'
        : 'error';
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      role={intent === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-problem={problem.kind}
    >
      <MessageBarBody>{text(key, params)}</MessageBarBody>
      {onRetry !== undefined && canRetry(problem) ? (
        <MessageBarActions>
          <Button onClick={onRetry} data-testid={`${testId}-retry`}>
            {text('approve.retry')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
