import { Button, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { paneStatus } from '../pane-status.js';
import { usePaneText } from '../pane-text-context.js';
import { canConfirm } from '../review-model.js';
import type { ReviewControls } from '../use-review.js';
import { AttachmentList } from './AttachmentList.js';
import { BlockExplanation } from './BlockExplanation.js';
import { FindingList } from './FindingList.js';
import { MyLinks } from './MyLinks.js';
import { ProtectSection } from './ProtectSection.js';
import { RecipientSection } from './RecipientSection.js';
import { StatusRegion } from './StatusRegion.js';
import { ControlsNotice } from './ControlsNotice.js';
import { ApprovalSection } from './ApprovalSection.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
  },
  grow: { flexGrow: 1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    paddingBlockEnd: tokens.spacingVerticalM,
  },
  // Status and Confirm stay in view however long the lists are, so the outcome of every action is seen.
  sticky: {
    position: 'sticky',
    bottom: 0,
    paddingBlockStart: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  confirm: { alignSelf: 'flex-end' },
});

export function ReviewPane({ controls }: { readonly controls: ReviewControls }) {
  const styles = useStyles();
  const text = usePaneText();
  const { state } = controls;
  const { review, ticks } = state;
  const paneStatusNow = paneStatus(state);
  const busy = state.work !== null;
  // A missing approval is explained, with its button, by the Approval section instead.
  const blockers =
    review === null || review.model.decision !== 'block'
      ? []
      : review.model.blockingFindings.filter((finding) => finding.rule !== 'approval-required');
  const onTickedChange = (itemId: string, ticked: boolean) => controls.setTicked([itemId], ticked);
  const confirmable = review !== null && canConfirm(review.model, ticks) && state.confirmedFingerprint !== review.model.fingerprint;
  // With ReadWriteMailbox on Mailbox 1.15 the pane sends itself; the button stays usable after the record.
  const sends = review !== null && review.model.decision === 'confirm' && controls.canSendFromPane;
  const sendable = sends && canConfirm(review.model, ticks);
  // Where the pane sends, its own button is the shorter way on; say so rather than only "press Send".
  const status =
    sends && paneStatusNow.key === 'pane.status.confirmed'
      ? { ...paneStatusNow, key: 'pane.status.confirmedPaneSends' as const }
      : paneStatusNow;
  return (
    <div className={styles.page}>
      <main className={mergeClasses(styles.content, review !== null && styles.grow)}>
        <h1 className={styles.title}>{text('pane.title')}</h1>
        {review?.policySource === 'cache' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{text('pane.notice.cachedPolicy')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {review?.inspectionNotSaved === true ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{text('pane.notice.inspectionNotSaved')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {controls.controlNotes === null ? null : <ControlsNotice notes={controls.controlNotes} />}
        {blockers.length > 0 ? <BlockExplanation findings={blockers} /> : null}
        <ApprovalSection state={controls.approval.state} busy={busy} onRequest={controls.approval.request} />
        {review !== null ? (
          <>
            <RecipientSection
              model={review.model}
              ticks={ticks}
              busy={busy}
              onTickedChange={onTickedChange}
              onTickAll={controls.setTicked}
              onRemove={controls.removeRecipient}
              onMoveToBcc={controls.moveToBcc}
            />
            <AttachmentList model={review.model} ticks={ticks} onTickedChange={onTickedChange} />
            <ProtectSection
              review={review}
              zip={state.zip}
              link={state.link}
              busy={busy}
              onProtectZip={controls.protectZip}
              onProtectLinks={controls.protectLinks}
              onSharePasswordByLink={controls.sharePasswordByLink}
              onSendPassword={controls.openNewMessage}
            />
            <FindingList model={review.model} ticks={ticks} onTickedChange={onTickedChange} />
            {review.policy.attachments.protection.external === 'none' && review.policy.attachments.protection.internal === 'none' ? null : (
              <MyLinks load={controls.myLinks} revoke={controls.revokeLink} />
            )}
          </>
        ) : null}
      </main>
      <footer className={mergeClasses(styles.footer, review !== null && styles.sticky)}>
        <StatusRegion status={status} onRetry={controls.retry} />
        {review !== null && sends ? (
          <Button
            className={styles.confirm}
            appearance="primary"
            data-testid="preflight-confirm-send"
            disabledFocusable={!sendable || busy}
            onClick={controls.confirmAndSend}
          >
            {text('pane.action.confirmAndSend')}
          </Button>
        ) : review !== null ? (
          <Button
            className={styles.confirm}
            appearance="primary"
            data-testid="preflight-confirm"
            disabledFocusable={!(confirmable || (review !== null && canConfirm(review.model, ticks))) || busy}
            onClick={controls.confirm}
          >
            {text('pane.action.confirm')}
          </Button>
        ) : null}
      </footer>
    </div>
  );
}
