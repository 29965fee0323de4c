import { FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { pickLocale } from '../../i18n/locale.js';
import type { PlaygroundHost } from '../playground-host.js';
import { playgroundText, PlaygroundTextContext } from '../playground-text.js';
import type { PlaygroundSettings } from '../settings.js';
import { usePlayground } from '../use-playground.js';
import { ComposeForm } from './ComposeForm.js';
import { EventLog } from './EventLog.js';
import { HandlerFrame } from './HandlerFrame.js';
import { HistoryPanel } from './HistoryPanel.js';
import { MailCatcher } from './MailCatcher.js';
import { PanePanel } from './PanePanel.js';
import { SendStatus } from './SendStatus.js';
import { SentView } from './SentView.js';
import { SettingsBar } from './SettingsBar.js';
import { SmartAlertDialog } from './SmartAlertDialog.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  notice: { margin: 0, color: tokens.colorNeutralForeground3 },
  workspace: { display: 'flex', flexGrow: 1, minHeight: 0 },
  compose: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

interface Props {
  readonly host: PlaygroundHost;
  readonly initialSettings: PlaygroundSettings;
  readonly organisationDomain: string;
  readonly policyLoaded: boolean;
}

export function PlaygroundApp({ host, initialSettings, organisationDomain, policyLoaded }: Props) {
  const styles = useStyles();
  const playground = usePlayground(host, initialSettings, organisationDomain);
  const { settings, phase } = playground;
  const locale = pickLocale(settings.displayLanguage);
  const text = useMemo(() => playgroundText(locale), [locale]);
  const theme = settings.theme === 'dark' ? webDarkTheme : webLightTheme;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text('playground.documentTitle');
  }, [locale, text]);

  const { startMessage } = playground;
  useEffect(() => startMessage('new'), [startMessage]);

  return (
    <FluentProvider theme={theme}>
      <PlaygroundTextContext.Provider value={text}>
        <div className={styles.page}>
          <header className={styles.header}>
            <h1 className={styles.title}>{text('playground.title')}</h1>
            <p className={styles.notice}>{text('playground.notice')}</p>
            <SettingsBar settings={settings} onChange={playground.changeSettings} onScenario={playground.startMessage} />
            {settings.history === 'on' ? <HistoryPanel settings={host.roamingSettings} /> : null}
            {policyLoaded ? null : (
              <MessageBar intent="warning">
                <MessageBarBody>{text('playground.log.policyFailed')}</MessageBarBody>
              </MessageBar>
            )}
            {playground.handlerStatus === 'failed' ? (
              <MessageBar intent="error" data-testid="playground-addin-failed">
                <MessageBarBody>{text('playground.addinFailed')}</MessageBarBody>
              </MessageBar>
            ) : null}
          </header>
          <div className={styles.workspace}>
            <main className={styles.compose}>
              {phase.kind === 'sent' ? (
                <SentView content={phase.content} onNewMessage={() => playground.startMessage('new')} />
              ) : (
                <>
                  <SendStatus phase={phase} />
                  {playground.recipientsMissing ? (
                    <MessageBar intent="warning" data-testid="playground-no-recipients">
                      <MessageBarBody>
                        {text(
                          host.message.content.kind === 'meeting' ? 'playground.meeting.noAttendees' : 'playground.compose.noRecipients',
                        )}
                      </MessageBarBody>
                    </MessageBar>
                  ) : null}
                  <ComposeForm
                    message={host.message}
                    directory={host.directory}
                    busy={phase.kind === 'checking'}
                    onSend={playground.send}
                    onOpenPane={playground.openPaneFromRibbon}
                  />
                </>
              )}
              <EventLog entries={playground.log} />
              <MailCatcher locale={locale} />
            </main>
            <PanePanel pane={playground.pane} paneSends={settings.permission === 'ReadWriteMailbox'} onClose={playground.closePane} />
          </div>
          <SmartAlertDialog
            phase={phase}
            onDismiss={playground.dismiss}
            onAction={playground.takeAction}
            onSendAnyway={playground.sendAnyway}
          />
          <HandlerFrame generation={playground.handlerGeneration} onLoad={playground.handlerFrameLoaded} />
        </div>
      </PlaygroundTextContext.Provider>
    </FluentProvider>
  );
}
