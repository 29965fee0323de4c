import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { pickLocale, type Locale } from '../i18n/locale.js';
import { ReviewPane } from './components/ReviewPane.js';
import type { OfficeThemeInfo, PaneGateway } from './pane-gateway.js';
import { paneText } from './pane-text.js';
import { PaneTextContext } from './pane-text-context.js';
import { paneTheme } from './pane-theme.js';
import { useReview } from './use-review.js';

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
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text('pane.documentTitle');
  }, [locale, text]);
  return (
    <FluentProvider theme={fluentTheme}>
      <PaneTextContext.Provider value={text}>
        <ReviewPane controls={controls} />
      </PaneTextContext.Provider>
    </FluentProvider>
  );
}
