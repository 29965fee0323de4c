import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../i18n/locale.js';
import { apiFailureKey, type ApiFailureCode } from '../api-failure.js';
import { usePaneText } from '../pane-text-context.js';

/** Japanese runs sentences together after 。; English puts a space between them. */
const SENTENCE_GAP: Readonly<Record<Locale, string>> = { ja: '', en: ' ' };

const useStyles = makeStyles({
  technical: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  raw: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

export interface FailureTextProps {
  /** What happened, already in the user's language. */
  readonly message: string;
  /** Why the server refused, translated; null: not the server's failure. */
  readonly cause?: ApiFailureCode | null;
  /** The raw words (the server's or Outlook's English), behind a closed "Technical detail"; null: none. */
  readonly technical: string | null;
}

/**
 * A failure in the user's language first; the raw detail only in a closed <details>, which the
 * keyboard opens with Enter or Space (https://html.spec.whatwg.org/multipage/interactive-elements.html#the-details-element).
 */
export function FailureText({ message, cause, technical }: FailureTextProps) {
  const text = usePaneText();
  return (
    <>
      <span data-testid="preflight-failure-message">
        {message}
        {cause === undefined || cause === null ? null : `${SENTENCE_GAP[text.locale]}${text(apiFailureKey(cause))}`}
      </span>
      {technical === null ? null : <TechnicalDetail technical={technical} />}
    </>
  );
}

/** The raw words of a failure behind a closed "Technical detail"; nothing when there are none. */
export function TechnicalDetail({ technical }: { readonly technical: string }) {
  const styles = useStyles();
  const text = usePaneText();
  if (technical === '') return null;
  return (
    <details className={styles.technical} data-testid="preflight-technical-detail">
      <summary>{text('pane.apiError.technical')}</summary>
      <span className={styles.raw}>{technical}</span>
    </details>
  );
}

export interface FailureBarProps {
  readonly testId: string;
  readonly message: string;
  readonly cause?: ApiFailureCode | null | undefined;
  /** The raw detail, collapsed; null when the message says it already. */
  readonly detail: string | null;
}

/**
 * A failed action the user started, as an alert: screen readers say it at once, wherever the focus is
 * (https://www.w3.org/TR/wai-aria-1.2/#alert); the raw detail collapsed.
 */
export function FailureBar({ testId, message, cause, detail }: FailureBarProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={testId}>
      <MessageBarBody>
        <FailureText message={message} cause={cause ?? null} technical={detail} />
      </MessageBarBody>
    </MessageBar>
  );
}
