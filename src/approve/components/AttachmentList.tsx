import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeSize } from '../../i18n/format-size.js';
import type { ApprovalAttachment } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import { problemOf, type Problem } from '../problem.js';
import { ProblemBar } from './ProblemBar.js';
import { useSectionStyles } from './page-styles.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, paddingBlock: tokens.spacingVerticalXS },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  size: { color: tokens.colorNeutralForeground3 },
});

export interface AttachmentListProps {
  readonly attachments: readonly ApprovalAttachment[];
  readonly text: PageText;
  download(attachment: ApprovalAttachment): Promise<void>;
}

/** Each file with its size and a Download button; a failed download says so beside the list and can be tried again. */
export function AttachmentList({ attachments, text, download }: AttachmentListProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ readonly attachment: ApprovalAttachment; readonly problem: Problem } | null>(null);
  if (attachments.length === 0) return null;
  const start = (attachment: ApprovalAttachment): void => {
    setBusy(attachment.index);
    setFailure(null);
    download(attachment).then(
      () => setBusy(null),
      (error: unknown) => {
        setBusy(null);
        setFailure({ attachment, problem: problemOf(error) });
      },
    );
  };
  return (
    <>
      <h3 className={section.subheading}>{text('approve.attachments.heading')}</h3>
      <ul className={section.list} data-testid="approve-attachments">
        {attachments.map((attachment) => {
          const size = describeSize(attachment.size);
          return (
            <li key={attachment.index} className={styles.row} data-testid="approve-attachment">
              <span className={styles.name}>{attachment.name}</span>
              <span className={styles.size}>{text(size.key, { value: size.value })}</span>
              <Button
                size="small"
                onClick={() => start(attachment)}
                disabled={busy !== null}
                aria-label={text('approve.attachments.downloadLabel', { name: attachment.name })}
                icon={busy === attachment.index ? <Spinner size="extra-tiny" /> : undefined}
              >
                {text('approve.attachments.download')}
              </Button>
            </li>
          );
        })}
      </ul>
      {failure === null ? null : (
        <div role="alert">
          <p className={section.value}>{text('approve.attachments.downloadFailed', { name: failure.attachment.name })}</p>
          <ProblemBar problem={failure.problem} text={text} onRetry={() => start(failure.attachment)} testId="approve-download-problem" />
        </div>
      )}
    </>
  );
}
