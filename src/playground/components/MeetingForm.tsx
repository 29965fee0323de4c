import { Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ComposeContent, ComposeMessage } from '../fake-office/compose-message.js';
import type { Directory } from '../fake-office/directory.js';
import { usePlaygroundText } from '../playground-text.js';
import { AttachmentLine } from './AttachmentLine.js';
import { ComposeToolbar } from './ComposeToolbar.js';
import { RecipientLine } from './RecipientLine.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  line: { display: 'grid', gridTemplateColumns: '6.5rem 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  title: { fontSize: tokens.fontSizeBase400 },
  body: { minHeight: '8rem' },
});

interface Props {
  readonly content: ComposeContent;
  readonly message: ComposeMessage;
  readonly directory: Directory;
  readonly busy: boolean;
  readonly onSend: () => void;
  readonly onOpenPane: () => void;
}

/**
 * Outlook's new-event window in its own window (the only place Outlook on the web raises OnAppointmentSend,
 * docs/deploy.md): a title, Required and Optional attendees, Resources, an optional location, details and
 * attachments. The test ids of To and Cc stay those of the message form, since they are the same item fields.
 */
export function MeetingForm({ content, message, directory, busy, onSend, onOpenPane }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const wells = { message, directory, disabled: busy } as const;
  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} data-testid="meeting-form">
      <h2 className={styles.heading}>{text('playground.meeting.heading')}</h2>
      <ComposeToolbar label="playground.meeting.toolbar" busy={busy} onSend={onSend} onOpenPane={onOpenPane} />
      <div className={styles.line}>
        <span className={styles.label}>{text('playground.meeting.organizer')}</span>
        <span data-testid="meeting-organizer">{`${content.from.name} <${content.from.address}>`}</span>
      </div>
      <Input
        className={styles.title}
        value={content.subject}
        disabled={busy}
        placeholder={text('playground.meeting.titlePlaceholder')}
        aria-label={text('playground.meeting.title')}
        data-testid="compose-subject"
        onChange={(_, data) => message.setSubject(data.value)}
      />
      <RecipientLine field="to" label="playground.meeting.required" entries={content.to} {...wells} />
      <RecipientLine field="cc" label="playground.meeting.optional" entries={content.cc} {...wells} />
      <RecipientLine field="resources" entries={content.resources} {...wells} />
      <Input
        value={content.location}
        disabled={busy}
        placeholder={text('playground.meeting.locationPlaceholder')}
        aria-label={text('playground.meeting.location')}
        data-testid="meeting-location"
        onChange={(_, data) => message.setLocation(data.value)}
      />
      <AttachmentLine attachments={content.attachments} message={message} disabled={busy} />
      <Textarea
        className={styles.body}
        value={content.body}
        disabled={busy}
        resize="vertical"
        aria-label={text('playground.meeting.body')}
        data-testid="compose-body"
        onChange={(_, data) => message.setBody(data.value)}
      />
    </form>
  );
}
