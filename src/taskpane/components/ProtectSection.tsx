import { Button, Checkbox, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ZipMethod } from '../../protocol/index.js';
import { paneText, type PaneText } from '../pane-text.js';
import { usePaneText } from '../pane-text-context.js';
import type { ZipOutcome } from '../protect-zip.js';
import type { Review } from '../review-session.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  password: { fontFamily: tokens.fontFamilyMonospace, minWidth: '16em' },
});

/** Japanese when the message itself is: the password mail goes to the same people in the same language. */
function messageText(review: Review, paneLanguage: PaneText): PaneText {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(`${review.snapshot.subject}${review.snapshot.body}`) ? paneText('ja') : paneLanguage;
}

export interface ProtectSectionProps {
  readonly review: Review;
  readonly zip: ZipOutcome | null;
  readonly busy: boolean;
  readonly onProtectZip: (method: ZipMethod, archiveName: string) => void;
  readonly onSendPassword: (form: { toRecipients: readonly string[]; ccRecipients: readonly string[]; subject: string; htmlBody: string }) => void;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function ProtectSection({ review, zip, busy, onProtectZip, onSendPassword }: ProtectSectionProps) {
  const styles = useStyles();
  const text = usePaneText();
  const [zipCrypto, setZipCrypto] = useState(false);
  const [copied, setCopied] = useState(false);
  const unprotected = review.verdict.findings.filter((finding) => finding.rule === 'unprotected-attachment');
  const password = zip?.password;
  if (unprotected.length === 0 && password === undefined && (zip === null || zip.ok)) return null;
  const settings = review.policy.attachments.protection;
  const linkOnly = unprotected.some((finding) => finding.messageKey.includes('.link.'));
  const zipName = zip?.ok === true ? zip.name : '';

  const sendPassword = () => {
    if (password === undefined) return;
    const mailText = messageText(review, text);
    onSendPassword({
      toRecipients: review.snapshot.to.map((recipient) => recipient.address),
      ccRecipients: review.snapshot.cc.map((recipient) => recipient.address),
      subject: mailText('pane.protect.passwordSubject', { name: zipName }),
      htmlBody: `<p>${escapeHtml(mailText('pane.protect.passwordBody', { name: zipName, password }))}</p>`,
    });
  };
  const copy = () => {
    if (password === undefined) return;
    void navigator.clipboard?.writeText(password).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <section className={styles.section} aria-labelledby="preflight-protect-heading" data-testid="preflight-protect">
      <h2 id="preflight-protect-heading" className={styles.heading}>
        {text('pane.protect.title')}
      </h2>
      {unprotected.length > 0 && linkOnly ? <Text>{text('pane.protect.linkOnly')}</Text> : null}
      {unprotected.length > 0 && !linkOnly ? (
        <>
          <Text>{text('pane.protect.intro')}</Text>
          {settings.allowZipCrypto ? (
            <Checkbox checked={zipCrypto} onChange={(_event, data) => setZipCrypto(data.checked === true)} label={text('pane.protect.zipCrypto')} />
          ) : null}
          <div className={styles.row}>
            <Button
              appearance="secondary"
              data-testid="preflight-protect-zip"
              disabledFocusable={busy}
              onClick={() => onProtectZip(zipCrypto ? 'zipcrypto' : 'aes256', text('pane.protect.archiveName'))}
            >
              {text('pane.protect.zipButton')}
            </Button>
          </div>
        </>
      ) : null}
      {zip !== null && !zip.ok ? (
        <MessageBar intent="error" layout="multiline" data-testid="preflight-protect-failed">
          <MessageBarBody>
            {text(`pane.protect.failed.${zip.stage}`, { detail: zip.detail })}
            {zip.stage === 'remove' ? null : (
              <>
                <br />
                {text('pane.protect.detail', { detail: zip.detail })}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {password !== undefined ? (
        <>
          {zip?.ok === true ? <Text>{text('pane.protect.done', { name: zipName })}</Text> : null}
          <div className={styles.row}>
            <Input className={styles.password} readOnly value={password} aria-label={text('pane.protect.copy')} data-testid="preflight-zip-password" />
            <Button onClick={copy}>{text('pane.protect.copy')}</Button>
            {copied ? <Text role="status">{text('pane.protect.copied')}</Text> : null}
          </div>
          <div className={styles.row}>
            <Button data-testid="preflight-send-password" onClick={sendPassword}>
              {text('pane.protect.sendPassword')}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
