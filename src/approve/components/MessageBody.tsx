import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApprovalMessage } from '../../protocol/index.js';
import type { PageText } from '../page-text.js';

const useStyles = makeStyles({
  frame: {
    width: '100%',
    height: '22rem',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    resize: 'vertical',
  },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: '22rem',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/**
 * A second wall inside the frame: its own policy allows no scripts, no requests and no forms even if the
 * sandbox were ever loosened; the page's policy (inherited by srcdoc frames) already blocks remote images.
 */
const FRAME_POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`;

/**
 * The sender's HTML exactly as Outlook had it, so only in a frame with an empty sandbox: no scripts, an
 * opaque origin (no access to this page, its storage or its token), no forms, popups or navigation of
 * this page (docs/approval.md, "Approver's page"). A text body is shown as it is, preformatted.
 */
export function MessageBody({ body, text }: { readonly body: ApprovalMessage['body']; readonly text: PageText }) {
  const styles = useStyles();
  if (body.kind === 'text') {
    return (
      <pre className={styles.text} data-testid="approve-body-text" tabIndex={0} aria-label={text('approve.message.body')}>
        {body.text}
      </pre>
    );
  }
  return (
    <iframe
      className={styles.frame}
      sandbox=""
      srcDoc={`${FRAME_POLICY}${body.text}`}
      title={text('approve.message.frameTitle')}
      data-testid="approve-body-frame"
    />
  );
}
