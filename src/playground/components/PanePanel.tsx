import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { usePlaygroundText } from '../playground-text.js';
import type { PaneState } from '../use-playground.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    width: '360px',
    flexShrink: 0,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  frame: { flexGrow: 1, width: '100%', border: 'none' },
});

/** The task pane Outlook opens beside the message: the real pane page in a frame, loaded afresh per generation. */
/** `paneSends`: the manifest grants ReadWriteMailbox, so its pane URL carries `?send=mailbox` (scripts/manifest.js). */
export function PanePanel({
  pane,
  paneSends,
  onClose,
}: {
  readonly pane: PaneState;
  readonly paneSends: boolean;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const frame = useRef<HTMLIFrameElement>(null);
  if (!pane.open) return null;
  return (
    <aside className={styles.panel} aria-label={text('playground.pane.title')} data-testid="pane-panel">
      <div className={styles.header}>
        <h2 className={styles.title}>{text('playground.pane.title')}</h2>
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label={text('playground.pane.close')}
          data-testid="pane-close"
          onClick={onClose}
        />
      </div>
      <iframe
        key={pane.generation}
        ref={frame}
        className={styles.frame}
        title={text('playground.pane.frame')}
        src={paneSends ? '/playground/taskpane.html?send=mailbox' : '/playground/taskpane.html'}
        data-testid="pane-frame"
        // A pane that opens takes the focus, so keyboard users continue in it.
        onLoad={() => frame.current?.contentWindow?.focus()}
      />
    </aside>
  );
}
