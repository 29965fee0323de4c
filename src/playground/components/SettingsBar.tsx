import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowReplyRegular, CalendarAddRegular, MailRegular } from '@fluentui/react-icons';
import { MAILBOX_VERSIONS, type MailboxVersion } from '../fake-office/requirements.js';
import { PERMISSIONS, type Permission, type Theme } from '../fake-office/fake-office.js';
import { usePlaygroundText } from '../playground-text.js';
import type { Scenario } from '../scenarios.js';
import {
  DISPLAY_LANGUAGES,
  HISTORY_MODES,
  LATENCIES_MS,
  THEMES,
  type DisplayLanguage,
  type HistoryMode,
  type PlaygroundSettings,
} from '../settings.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  scenarios: { display: 'flex', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
});

const LANGUAGE_NAMES: Readonly<Record<DisplayLanguage, string>> = { 'en-US': 'English (en-US)', 'ja-JP': '日本語 (ja-JP)' };

interface Props {
  readonly settings: PlaygroundSettings;
  readonly onChange: (settings: PlaygroundSettings) => void;
  readonly onScenario: (scenario: Scenario) => void;
}

export function SettingsBar({ settings, onChange, onScenario }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  return (
    <div className={styles.bar}>
      <Field label={text('playground.settings.language')}>
        <Select
          value={settings.displayLanguage}
          data-testid="setting-language"
          onChange={(_, data) => onChange({ ...settings, displayLanguage: data.value as DisplayLanguage })}
        >
          {DISPLAY_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('playground.settings.theme')}>
        <Select
          value={settings.theme}
          data-testid="setting-theme"
          onChange={(_, data) => onChange({ ...settings, theme: data.value as Theme })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {text(`playground.settings.theme.${theme}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('playground.settings.mailbox')}>
        <Select
          value={settings.mailboxVersion}
          data-testid="setting-mailbox"
          onChange={(_, data) => onChange({ ...settings, mailboxVersion: data.value as MailboxVersion })}
        >
          {MAILBOX_VERSIONS.map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('playground.settings.permission')}>
        <Select
          value={settings.permission}
          data-testid="setting-permission"
          onChange={(_, data) => onChange({ ...settings, permission: data.value as Permission })}
        >
          {PERMISSIONS.map((permission) => (
            <option key={permission} value={permission}>
              {permission}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('playground.settings.latency')}>
        <Select
          value={String(settings.latencyMs)}
          data-testid="setting-latency"
          onChange={(_, data) => onChange({ ...settings, latencyMs: Number(data.value) })}
        >
          {LATENCIES_MS.map((latency) => (
            <option key={latency} value={String(latency)}>
              {text('playground.settings.latencyValue', { ms: latency })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('playground.settings.history')}>
        <Select
          value={settings.history}
          data-testid="setting-history"
          onChange={(_, data) => onChange({ ...settings, history: data.value as HistoryMode })}
        >
          {HISTORY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {text(`playground.settings.history.${mode}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.scenarios}>
        <Button icon={<MailRegular />} data-testid="scenario-new" onClick={() => onScenario('new')}>
          {text('playground.scenario.new')}
        </Button>
        <Button icon={<ArrowReplyRegular />} data-testid="scenario-reply" onClick={() => onScenario('reply')}>
          {text('playground.scenario.reply')}
        </Button>
        <Button icon={<CalendarAddRegular />} data-testid="scenario-meeting" onClick={() => onScenario('meeting')}>
          {text('playground.scenario.meeting')}
        </Button>
      </div>
    </div>
  );
}
