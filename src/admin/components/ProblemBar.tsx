import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { AdminText } from '../admin-text.js';
import { canRetry, problemText, type Problem } from '../problem.js';

export interface ProblemBarProps {
  readonly problem: Problem;
  readonly text: AdminText;
  readonly onRetry: () => void;
  readonly testId: string;
}

/** What went wrong, in words; "Try again" only where trying again can help. */
export function ProblemBar({ problem, text, onRetry, testId }: ProblemBarProps) {
  const { key, params } = problemText(problem);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={testId} data-problem={problem.kind}>
      <MessageBarBody>{text(key, params)}</MessageBarBody>
      {canRetry(problem) ? (
        <MessageBarActions>
          <Button onClick={onRetry} data-testid={`${testId}-retry`}>
            {text('admin.retry')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
