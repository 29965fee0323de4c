import { FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo } from 'react';
import type { Locale } from '../i18n/locale.js';
import type { ApprovalAttachment } from '../protocol/index.js';
import { downloadAttachment } from './attachment-download.js';
import { ApprovePage } from './components/ApprovePage.js';
import { pageText } from './page-text.js';
import { useApprovalPage, type ApprovalPageSource } from './use-approval-page.js';

const useStyles = makeStyles({
  // Break Japanese lines between phrases where the browser can, as the pane does (src/taskpane/App.tsx).
  root: { minHeight: '100vh', ':lang(ja)': { wordBreak: 'auto-phrase' } },
});

export function App({ source, locale }: { readonly source: ApprovalPageSource; readonly locale: Locale }) {
  const text = useMemo(() => pageText(locale), [locale]);
  const page = useApprovalPage(source);
  const styles = useStyles();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text('approve.title');
  }, [locale, text]);
  const download = useCallback(
    async (attachment: ApprovalAttachment) => downloadAttachment(source.origin, await source.token(), source.id, attachment),
    [source],
  );
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <ApprovePage page={page} text={text} download={download} />
    </FluentProvider>
  );
}
