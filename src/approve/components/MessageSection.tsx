import { Spinner } from '@fluentui/react-components';
import type { ApprovalAttachment } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';
import type { MessageState } from '../page-state.js';
import { AttachmentList } from './AttachmentList.js';
import { FieldRows } from './FieldRows.js';
import { MessageBody } from './MessageBody.js';
import { ProblemBar } from './ProblemBar.js';
import { useSectionStyles } from './page-styles.js';

export interface MessageSectionProps {
  readonly message: MessageState;
  readonly text: PageText;
  onRetry(): void;
  download(attachment: ApprovalAttachment): Promise<void>;
}

/** The message as the sender would send it: headers, body, attachments; or why it cannot be shown. */
export function MessageSection({ message, text, onRetry, download }: MessageSectionProps) {
  const styles = useSectionStyles();
  const list = (addresses: readonly string[]): string => (addresses.length === 0 ? text('approve.summary.none') : addresses.join(', '));
  return (
    <section className={styles.section} aria-labelledby="approve-message-heading" data-testid="approve-message">
      <h2 id="approve-message-heading" className={styles.heading}>
        {text('approve.message.heading')}
      </h2>
      {message.kind === 'loading' ? <Spinner size="small" label={text('approve.loading')} /> : null}
      {message.kind === 'absent' ? (
        <ProblemBar problem={message.problem} text={text} onRetry={onRetry} testId="approve-message-problem" />
      ) : null}
      {message.kind === 'shown' ? (
        <>
          <FieldRows
            rows={[
              { label: text('approve.message.from'), value: message.message.from, testId: 'approve-from' },
              { label: text('approve.message.to'), value: list(message.message.to), testId: 'approve-to' },
              { label: text('approve.message.cc'), value: list(message.message.cc), testId: 'approve-cc' },
              { label: text('approve.message.bcc'), value: list(message.message.bcc), testId: 'approve-bcc' },
              {
                label: text('approve.message.subject'),
                value: message.message.subject === '' ? text('approve.message.noSubject') : message.message.subject,
                testId: 'approve-subject',
              },
            ]}
          />
          <h3 className={styles.subheading}>{text('approve.message.body')}</h3>
          <MessageBody body={message.message.body} text={text} />
          <AttachmentList attachments={message.message.attachments} text={text} download={download} />
        </>
      ) : null}
    </section>
  );
}
