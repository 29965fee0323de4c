import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { base64ToBytes } from '../base64.js';
import type { ComposeContent, WellField } from '../fake-office/compose-message.js';
import { usePlaygroundText, type PlaygroundKey } from '../playground-text.js';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  table: { display: 'grid', gridTemplateColumns: '8rem 1fr', gap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  header: { display: 'block', fontFamily: tokens.fontFamilyMonospace },
  body: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  htmlBody: {
    width: '100%',
    minHeight: '16rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // Mail HTML is written for a white page, whatever the playground's theme.
    backgroundColor: '#ffffff',
  },
});

/**
 * An HTML body rendered apart from the playground, as a mail client does: no scripts, no access to this
 * page, links open in a new window.
 */
function HtmlBody({ html, title }: { readonly html: string; readonly title: string }) {
  const styles = useStyles();
  return (
    <iframe
      className={styles.htmlBody}
      title={title}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      srcDoc={`<base target="_blank">${html}`}
      data-testid="sent-body-html"
    />
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Plain text with its web addresses as links, the way a mail client shows a text body. */
function linkified(body: string) {
  return body.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} target="_blank" rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

const FIELDS: ReadonlyArray<[WellField, PlaygroundKey]> = [
  ['to', 'playground.compose.to'],
  ['cc', 'playground.compose.cc'],
  ['bcc', 'playground.compose.bcc'],
];

/** A meeting request: attendees, and the resources it books. */
const MEETING_FIELDS: ReadonlyArray<[WellField, PlaygroundKey]> = [
  ['to', 'playground.meeting.required'],
  ['cc', 'playground.meeting.optional'],
  ['resources', 'playground.meeting.resources'],
];

/** 2026-12-06 14:05, in the page's time zone: unambiguous in both languages. */
function localTime(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Hands the attachment over as a file, the way a recipient would save it. */
function saveAttachment(attachment: ComposeContent['attachments'][number]): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(attachment.contentBase64)], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = attachment.name;
  anchor.click();
  // The download has started from the URL; the browser keeps what it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What Outlook would have sent; only resolved recipients go out. */
export function SentView({ content, onNewMessage }: { readonly content: ComposeContent; readonly onNewMessage: () => void }) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const none = text('playground.sent.none');
  const meeting = content.kind === 'meeting';
  return (
    <section className={styles.view} data-testid="sent-view" data-kind={content.kind} aria-labelledby="sent-title">
      <h2 id="sent-title" className={styles.title}>
        {text(meeting ? 'playground.meeting.sentTitle' : 'playground.sent.title')}
      </h2>
      <p>{text(meeting ? 'playground.meeting.sentNote' : 'playground.sent.note')}</p>
      <dl className={styles.table}>
        {(meeting ? MEETING_FIELDS : FIELDS).map(([field, label]) => {
          const entries = content[field].filter((entry) => entry.resolved);
          return [
            <dt key={`${field}-term`} className={styles.term}>
              {text(label)}
            </dt>,
            <dd key={`${field}-value`} className={styles.value} data-testid={`sent-${field}`}>
              {entries.length === 0 ? none : entries.map((entry) => entry.address).join('; ')}
            </dd>,
          ];
        })}
        <dt className={styles.term}>{text('playground.compose.subject')}</dt>
        <dd className={styles.value} data-testid="sent-subject">
          {content.subject === '' ? none : content.subject}
        </dd>
        {meeting ? (
          <>
            <dt className={styles.term}>{text('playground.meeting.location')}</dt>
            <dd className={styles.value} data-testid="sent-location">
              {content.location === '' ? none : content.location}
            </dd>
          </>
        ) : null}
        {meeting ? null : (
          <>
            <dt className={styles.term}>{text('playground.sent.delivery')}</dt>
            <dd className={styles.value} data-testid="sent-delivery">
              {content.delayDeliveryMs === 0
                ? text('playground.sent.deliveryNow')
                : text('playground.sent.deliveryHeld', { time: localTime(content.delayDeliveryMs) })}
            </dd>
            <dt className={styles.term}>{text('playground.sent.headers')}</dt>
            <dd className={styles.value} data-testid="sent-headers">
              {Object.keys(content.internetHeaders).length === 0
                ? none
                : Object.entries(content.internetHeaders).map(([name, value]) => (
                    <code key={name} className={styles.header} data-testid={`sent-header-${name}`}>
                      {`${name}: ${value}`}
                    </code>
                  ))}
            </dd>
          </>
        )}
        <dt className={styles.term}>{text('playground.sent.attachments')}</dt>
        <dd className={styles.value} data-testid="sent-attachments">
          {content.attachments.length === 0
            ? none
            : content.attachments.map((attachment, index) => (
                <span key={attachment.id}>
                  {index > 0 ? '; ' : null}
                  <Button
                    appearance="transparent"
                    size="small"
                    data-testid="sent-attachment"
                    aria-label={text('playground.sent.save', { name: attachment.name })}
                    onClick={() => saveAttachment(attachment)}
                  >
                    {attachment.name}
                  </Button>
                </span>
              ))}
        </dd>
        <dt className={styles.term}>{text('playground.compose.body')}</dt>
        <dd className={styles.body} data-testid="sent-body">
          {content.body === '' ? (
            none
          ) : content.bodyFormat === 'html' ? (
            <HtmlBody html={content.body} title={text('playground.sent.htmlBody')} />
          ) : (
            linkified(content.body)
          )}
        </dd>
      </dl>
      <div>
        <Button appearance="primary" data-testid="sent-new-message" onClick={onNewMessage}>
          {text('playground.sent.newMessage')}
        </Button>
      </div>
    </section>
  );
}
