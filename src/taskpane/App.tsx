import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { pickLocale, type Locale } from '../i18n/locale.js';
import { ReviewPane } from './components/ReviewPane.js';
import type { OfficeThemeInfo, PaneGateway } from './pane-gateway.js';
import { paneText } from './pane-text.js';
import { PaneTextContext } from './pane-text-context.js';
import { paneTheme } from './pane-theme.js';
import { useReview } from './use-review.js';

const useStyles = makeStyles({
  // Japanese has no spaces: break lines between phrases, not inside words, where the browser can
  // (Chromium 119+, Edge WebView2); elsewhere the value is dropped and lines break as before.
  // https://developer.mozilla.org/en-US/docs/Web/CSS/word-break#auto-phrase — lang is set below.
  root: { ':lang(ja)': { wordBreak: 'auto-phrase' } },
});

interface Surroundings {
  readonly locale: Locale;
  readonly theme: OfficeThemeInfo | null;
}

/** Outlook's language and theme once Office is ready; the browser's language until then. */
function useSurroundings(gateway: PaneGateway): Surroundings {
  const [surroundings, setSurroundings] = useState<Surroundings>({
    locale: pickLocale(globalThis.navigator?.language),
    theme: null,
  });
  useEffect(() => {
    let disposed = false;
    gateway
      .whenOfficeReady()
      .then(() => {
        if (!disposed) setSurroundings({ locale: pickLocale(gateway.displayLanguage()), theme: gateway.officeTheme() });
      })
      // The review itself reports Office failing to start; here the browser's language and light theme stay.
      .catch(() => undefined);
    return () => {
      disposed = true;
    };
  }, [gateway]);
  return surroundings;
}

export function App({ gateway }: { readonly gateway: PaneGateway }) {
  const { locale, theme } = useSurroundings(gateway);
  const text = useMemo(() => paneText(locale), [locale]);
  const fluentTheme = useMemo(() => paneTheme(theme), [theme]);
  const controls = useReview(gateway);
  const styles = useStyles();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text('pane.documentTitle');
  }, [locale, text]);
  return (
    <FluentProvider theme={fluentTheme} className={styles.root}>
      <PaneTextContext.Provider value={text}>
        <ReviewPane controls={controls} />
      </PaneTextContext.Provider>
    </FluentProvider>
  );
}
