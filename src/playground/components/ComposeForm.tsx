import { Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { BodyFormat, ComposeMessage } from '../fake-office/compose-message.js';
import type { Directory } from '../fake-office/directory.js';
import { usePlaygroundText } from '../playground-text.js';
import { AttachmentLine } from './AttachmentLine.js';
import { ComposeToolbar } from './ComposeToolbar.js';
import { MeetingForm } from './MeetingForm.js';
import { RecipientLine } from './RecipientLine.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  line: { display: 'grid', gridTemplateColumns: '6.5rem 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  from: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  body: { minHeight: '10rem' },
});

function asBodyFormat(value: string): BodyFormat {
  return value === 'html' ? 'html' : 'text';
}

interface Props {
  readonly message: ComposeMessage;
  readonly directory: Directory;
  readonly busy: boolean;
  readonly onSend: () => void;
  readonly onOpenPane: () => void;
}

export function ComposeForm({ message, directory, busy, onSend, onOpenPane }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const content = useSyncExternalStore(
    (listener) => message.subscribe(listener),
    () => message.content,
  );
  if (content.kind === 'meeting') {
    return <MeetingForm content={content} message={message} directory={directory} busy={busy} onSend={onSend} onOpenPane={onOpenPane} />;
  }
  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} data-testid="compose-form">
      <ComposeToolbar label="playground.compose.toolbar" busy={busy} onSend={onSend} onOpenPane={onOpenPane} />
      <div className={styles.line}>
        <span className={styles.label}>{text('playground.compose.from')}</span>
        <div className={styles.from}>
          <Input
            value={content.from.name}
            disabled={busy}
            aria-label={text('playground.compose.fromName')}
            data-testid="compose-from-name"
            onChange={(_, data) => message.setFrom({ ...message.content.from, name: data.value })}
          />
          <Input
            value={content.from.address}
            disabled={busy}
            aria-label={text('playground.compose.fromAddress')}
            data-testid="compose-from-address"
            onChange={(_, data) => message.setFrom({ ...message.content.from, address: data.value })}
          />
        </div>
      </div>
      <RecipientLine field="to" entries={content.to} message={message} directory={directory} disabled={busy} />
      <RecipientLine field="cc" entries={content.cc} message={message} directory={directory} disabled={busy} />
      <RecipientLine field="bcc" entries={content.bcc} message={message} directory={directory} disabled={busy} />
      <div className={styles.line}>
        <label className={styles.label} htmlFor="compose-subject">
          {text('playground.compose.subject')}
        </label>
        <Input
          id="compose-subject"
          value={content.subject}
          disabled={busy}
          data-testid="compose-subject"
          onChange={(_, data) => message.setSubject(data.value)}
        />
      </div>
      <AttachmentLine attachments={content.attachments} message={message} disabled={busy} />
      <div className={styles.line}>
        <span className={styles.label} id="compose-format">
          {text('playground.compose.format')}
        </span>
        <RadioGroup
          layout="horizontal"
          aria-labelledby="compose-format"
          value={content.bodyFormat}
          disabled={busy}
          data-testid="compose-format"
          onChange={(_, data) => message.setBodyFormat(asBodyFormat(data.value))}
        >
          <Radio value="text" label={text('playground.compose.formatText')} data-testid="compose-format-text" />
          <Radio value="html" label={text('playground.compose.formatHtml')} data-testid="compose-format-html" />
        </RadioGroup>
      </div>
      <Textarea
        className={styles.body}
        value={content.body}
        disabled={busy}
        resize="vertical"
        aria-label={text(content.bodyFormat === 'html' ? 'playground.compose.bodyHtml' : 'playground.compose.body')}
        data-testid="compose-body"
        onChange={(_, data) => message.setBody(data.value)}
      />
    </form>
  );
}
