import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { loadCaughtMail, type CaughtMailState } from '../caught-mail.js';
import { usePlaygroundText } from '../playground-text.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '24rem',
    overflowY: 'auto',
  },
  mail: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  body: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

/**
 * The mail the development server kept instead of sending (one-time codes, approval requests), so the
 * code a link page asks for can be read here (docs/playground.md, "Mail catcher").
 */
export function MailCatcher({ locale }: { readonly locale: string }) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const [state, setState] = useState<CaughtMailState>({ kind: 'loading' });
  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    void loadCaughtMail(window.location.origin).then(setState);
  }, []);
  useEffect(refresh, [refresh]);
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <section className={styles.panel} aria-labelledby="mail-catcher-title" data-testid="mail-catcher">
      <div className={styles.heading}>
        <h2 id="mail-catcher-title" className={styles.title}>
          {text('playground.mail.title')}
        </h2>
        <Button size="small" onClick={refresh} disabledFocusable={state.kind === 'loading'} data-testid="mail-catcher-refresh">
          {text('playground.mail.refresh')}
        </Button>
      </div>
      <p className={styles.note}>{text('playground.mail.intro')}</p>
      <div role="status" aria-live="polite">
        {state.kind === 'loading' ? <p className={styles.note}>{text('playground.mail.loading')}</p> : null}
        {state.kind === 'unavailable' ? <p className={styles.note}>{text('playground.mail.unavailable')}</p> : null}
        {state.kind === 'failed' ? <p className={styles.note}>{text('playground.mail.failed', { detail: state.detail })}</p> : null}
        {state.kind === 'ready' && state.messages.length === 0 ? <p className={styles.note}>{text('playground.mail.empty')}</p> : null}
      </div>
      {state.kind === 'ready' && state.messages.length > 0 ? (
        <ol className={styles.list} aria-label={text('playground.mail.title')}>
          {state.messages.map((mail) => (
            <li key={mail.id} className={styles.mail} data-testid="mail-catcher-message">
              <dl className={styles.fields}>
                <dt className={styles.term}>{text('playground.mail.to')}</dt>
                <dd className={styles.value} data-testid="mail-catcher-to">
                  {mail.to}
                </dd>
                <dt className={styles.term}>{text('playground.mail.subject')}</dt>
                <dd className={styles.value}>{mail.subject}</dd>
                <dt className={styles.term}>{text('playground.mail.time')}</dt>
                <dd className={styles.value}>
                  <time dateTime={mail.sentAt}>{time(mail.sentAt)}</time>
                </dd>
              </dl>
              <pre className={styles.body} data-testid="mail-catcher-body">
                {mail.text}
              </pre>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
