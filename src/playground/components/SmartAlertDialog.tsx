import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { usePlaygroundText } from '../playground-text.js';
import type { SendPhase } from '../send-flow.js';
import type { AlertAction } from '../smart-alert.js';
import { AlertMarkdown } from './AlertMarkdown.js';

const useStyles = makeStyles({
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', '& p': { marginTop: 0, marginBottom: tokens.spacingVerticalS } },
});

interface Props {
  readonly phase: SendPhase;
  readonly onDismiss: () => void;
  readonly onAction: (action: AlertAction) => void;
  readonly onSendAnyway: () => void;
}

/** The Smart Alerts dialog, and Outlook's dialogs for an add-in that is unavailable or timed out. */
export function SmartAlertDialog({ phase, onDismiss, onAction, onSendAnyway }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const open = phase.kind === 'alert' || phase.kind === 'unavailable' || phase.kind === 'timed-out';
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => (data.open ? undefined : onDismiss())}>
      <DialogSurface data-testid="smart-alert-dialog">
        <DialogBody>
          <DialogTitle>{text('playground.dialog.title')}</DialogTitle>
          <DialogContent className={styles.message} data-testid="smart-alert-message">
            {phase.kind === 'alert' ? (
              phase.body.kind === 'markdown' ? (
                <AlertMarkdown source={phase.body.source} />
              ) : phase.body.kind === 'text' ? (
                phase.body.text
              ) : (
                text('playground.dialog.defaultMessage')
              )
            ) : phase.kind === 'unavailable' ? (
              text('playground.unavailable')
            ) : (
              text('playground.timedOut')
            )}
          </DialogContent>
          <DialogActions>
            {phase.kind === 'alert' && phase.action !== null ? (
              <Button appearance="primary" data-testid="smart-alert-action" onClick={() => onAction(phase.action as AlertAction)}>
                {phase.action.label === '' ? text('playground.dialog.takeAction') : phase.action.label}
              </Button>
            ) : null}
            {phase.kind === 'alert' && phase.sendAnyway ? (
              <Button appearance="primary" data-testid="smart-alert-send-anyway" onClick={onSendAnyway}>
                {text('playground.dialog.sendAnyway')}
              </Button>
            ) : null}
            {phase.kind === 'unavailable' ? (
              <Button appearance="primary" data-testid="smart-alert-send-anyway" onClick={onSendAnyway}>
                {text('playground.unavailable.sendAnyway')}
              </Button>
            ) : null}
            <Button data-testid="smart-alert-dont-send" onClick={onDismiss}>
              {phase.kind === 'alert'
                ? text('playground.dialog.dontSend')
                : phase.kind === 'unavailable'
                  ? text('playground.unavailable.tryLater')
                  : text('playground.dialog.ok')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
