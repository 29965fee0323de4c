import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Locale } from '../i18n/locale.js';
import { adminText } from './admin-text.js';
import { AuditPage } from './components/AuditPage.js';
import { PolicyPage } from './components/PolicyPage.js';
import { StatsPage } from './components/StatsPage.js';
import type { ConsoleSource } from './console-source.js';
import { CONSOLE_TABS, pathOf, tabOf, type ConsoleTab } from './console-tabs.js';

const useStyles = makeStyles({
  // Break Japanese lines between phrases where the browser can, as the pane does (src/taskpane/App.tsx).
  // On the page, not the provider: the provider lends its class to its portals (tooltips, chart callouts),
  // and a full-height white portal would cover the page.
  page: {
    ':lang(ja)': { wordBreak: 'auto-phrase' },
    boxSizing: 'border-box',
    maxWidth: '80rem',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

const TAB_KEYS = { audit: 'admin.nav.audit', stats: 'admin.nav.stats', policy: 'admin.nav.policy' } as const;

export function App({ source, locale }: { readonly source: ConsoleSource; readonly locale: Locale }) {
  const text = useMemo(() => adminText(locale), [locale]);
  const styles = useStyles();
  const [tab, setTab] = useState<ConsoleTab>(() => tabOf(window.location.pathname));
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text('admin.title');
  }, [locale, text]);
  useEffect(() => {
    const follow = () => setTab(tabOf(window.location.pathname));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const open = (next: ConsoleTab) => {
    if (next !== tab) window.history.pushState(null, '', pathOf(next));
    setTab(next);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <h1 className={styles.title}>{text('admin.title')}</h1>
        <nav aria-label={text('admin.nav.label')}>
          <TabList selectedValue={tab} onTabSelect={(_event, data) => open(data.value as ConsoleTab)}>
            {CONSOLE_TABS.map((name) => (
              <Tab key={name} value={name} data-testid={`admin-tab-${name}`}>
                {text(TAB_KEYS[name])}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main data-testid="admin-main">
          {tab === 'audit' ? <AuditPage source={source} text={text} /> : null}
          {tab === 'stats' ? <StatsPage source={source} text={text} /> : null}
          {tab === 'policy' ? <PolicyPage source={source} text={text} /> : null}
        </main>
      </div>
    </FluentProvider>
  );
}
