import { Button, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { usePlaygroundText, type PlaygroundKey } from '../playground-text.js';

const useStyles = makeStyles({ toolbar: { gap: tokens.spacingHorizontalS } });

interface Props {
  readonly label: PlaygroundKey;
  readonly busy: boolean;
  readonly onSend: () => void;
  readonly onOpenPane: () => void;
}

/** Send, and the add-in's ribbon button that opens the review pane; the same on a message and a meeting. */
export function ComposeToolbar({ label, busy, onSend, onOpenPane }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  return (
    <Toolbar aria-label={text(label)} className={styles.toolbar}>
      <Button appearance="primary" icon={<SendRegular />} disabled={busy} data-testid="compose-send" onClick={onSend}>
        {text('playground.compose.send')}
      </Button>
      <Button icon={<ShieldCheckmarkRegular />} data-testid="compose-open-pane" onClick={onOpenPane}>
        {text('playground.compose.openPane')}
      </Button>
    </Toolbar>
  );
}
