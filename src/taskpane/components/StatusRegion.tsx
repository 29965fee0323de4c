import { Button, ProgressBar, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import { usePaneText } from '../pane-text-context.js';
import type { PaneStatus } from '../pane-status.js';
import { FailureText, TechnicalDetail } from './FailureText.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  progress: { width: '100%' },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, marginBlockStart: '1px' },
  busy: { backgroundColor: tokens.colorNeutralBackground3, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  info: { backgroundColor: tokens.colorNeutralBackground3, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  infoIcon: { color: tokens.colorBrandForeground1 },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  successIcon: { color: tokens.colorPaletteGreenForeground1 },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
  },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
});

export interface StatusRegionProps {
  readonly status: PaneStatus;
  readonly onRetry: () => void;
}

/** The pane's one live line: screen readers hear each change; "Try again" sits outside it so it is not re-read. */
export function StatusRegion({ status, onRetry }: StatusRegionProps) {
  const styles = useStyles();
  const text = usePaneText();
  const icon = {
    busy: <Spinner size="tiny" aria-hidden />,
    info: <Info20Filled className={styles.infoIcon} />,
    success: <CheckmarkCircle20Filled className={styles.successIcon} />,
    warning: <Warning20Filled className={styles.warningIcon} />,
    error: <ErrorCircle20Filled className={styles.errorIcon} />,
  }[status.intent];
  return (
    <div className={mergeClasses(styles.box, styles[status.intent])}>
      <div
        className={styles.line}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="preflight-status"
        data-intent={status.intent}
      >
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
        <Text weight={status.intent === 'info' || status.intent === 'busy' ? 'regular' : 'semibold'}>
          {status.failure === undefined ? (
            text(status.key, status.params)
          ) : (
            <FailureText message={text(status.key, status.params)} cause={status.failure.cause} technical={null} />
          )}
        </Text>
      </div>
      {status.failure === undefined ? null : <TechnicalDetail technical={status.failure.technical} />}
      {status.progress === undefined ? null : (
        <ProgressBar
          className={styles.progress}
          value={status.progress}
          max={1}
          aria-label={text(status.key, status.params)}
          data-testid="preflight-progress"
        />
      )}
      {status.retry ? <Button onClick={onRetry}>{text('pane.retry')}</Button> : null}
    </div>
  );
}
