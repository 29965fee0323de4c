import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { clearHistory, seedHistory, viewHistory } from '../history-seed.js';
import { usePlaygroundText } from '../playground-text.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  stored: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

interface Props {
  /** The mailbox's roaming settings (PlaygroundHost.roamingSettings). */
  readonly settings: Map<string, unknown>;
}

/** Seeds and shows the sender's recipient history (docs/playground.md). */
export function HistoryPanel({ settings }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const [seed, setSeed] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  // The handler writes the same map at each Send: read it at every render rather than copying it.
  const [, setVersion] = useState(0);
  const view = viewHistory(settings);
  const refresh = (): void => setVersion((version) => version + 1);
  return (
    <section className={styles.panel} aria-labelledby="history-title" data-testid="history-panel" onFocus={refresh}>
      <h2 id="history-title" className={styles.title}>
        {text('playground.history.title')}
      </h2>
      <p>{text('playground.history.explain')}</p>
      <Field label={text('playground.history.seedLabel')}>
        <Textarea value={seed} data-testid="history-seed" onChange={(_, data) => setSeed(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          data-testid="history-add"
          onClick={() => {
            setProblems(seedHistory(settings, seed, Date.now()));
            setSeed('');
            refresh();
          }}
        >
          {text('playground.history.seed')}
        </Button>
        <Button
          data-testid="history-clear"
          onClick={() => {
            clearHistory(settings);
            refresh();
          }}
        >
          {text('playground.history.clear')}
        </Button>
        <span data-testid="history-count">{text('playground.history.count', { count: view.entries })}</span>
      </div>
      {problems.length > 0 ? <p role="alert">{text('playground.history.notAddresses', { lines: problems.join(', ') })}</p> : null}
      {view.stored === '' ? null : (
        <Field label={text('playground.history.stored')}>
          <p className={styles.stored} data-testid="history-stored">
            {view.stored}
          </p>
        </Field>
      )}
    </section>
  );
}
