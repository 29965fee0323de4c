import { makeStyles, tokens } from '@fluentui/react-components';
import type { LogEntry } from '../event-log.js';
import { usePlaygroundText } from '../playground-text.js';

const useStyles = makeStyles({
  log: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXXL,
    fontFamily: tokens.fontFamilyMonospace,
    maxHeight: '12rem',
    overflowY: 'auto',
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  entry: { overflowWrap: 'anywhere' },
});

/** What the handlers did and how long they took, for whoever is developing the add-in. */
export function EventLog({ entries }: { readonly entries: readonly LogEntry[] }) {
  const styles = useStyles();
  const text = usePlaygroundText();
  return (
    <section className={styles.log} aria-labelledby="event-log-title">
      <h2 id="event-log-title" className={styles.title}>
        {text('playground.log.title')}
      </h2>
      {entries.length === 0 ? (
        <p>{text('playground.log.empty')}</p>
      ) : (
        <ol className={styles.list} data-testid="event-log">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className={[styles.entry, entry.level === 'warning' ? styles.warning : ''].join(' ')}
              data-log-key={entry.key}
            >
              {text(entry.key, entry.params)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
