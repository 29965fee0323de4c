import { Button, Checkbox, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ZipMethod } from '../../protocol/index.js';
import { failureOf } from '../error-detail.js';
import { escapeHtml } from '../escape-html.js';
import { formatExpiry } from '../link-block.js';
import { messageText } from '../message-language.js';
import type { PaneText } from '../pane-text.js';
import { usePaneText } from '../pane-text-context.js';
import type { PasswordLinkOutcome } from '../password-link.js';
import type { LinkOutcome } from '../protect-link.js';
import type { ZipOutcome } from '../protect-zip.js';
import type { Review } from '../review-session.js';
import { FailureBar } from './FailureText.js';
import { focusOutcome } from './focus-outcome.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  password: { fontFamily: tokens.fontFamilyMonospace, minWidth: '16em' },
  // Clear of the pane's sticky status and Confirm footer when scrolled into view.
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, scrollMarginBottom: '10rem' },
});

export interface ProtectSectionProps {
  readonly review: Review;
  readonly zip: ZipOutcome | null;
  readonly link: LinkOutcome | null;
  readonly busy: boolean;
  readonly onProtectZip: (method: ZipMethod, archiveName: string) => void;
  readonly onProtectLinks: (mailText: PaneText) => void;
  readonly onSharePasswordByLink: (mailText: PaneText, zipName: string, password: string) => Promise<PasswordLinkOutcome>;
  readonly onSendPassword: (form: {
    toRecipients: readonly string[];
    ccRecipients: readonly string[];
    subject: string;
    htmlBody: string;
  }) => void;
}

/** Why no link can be made for these recipients (a Bcc would be named in the body, or there is no one). */
function recipientsRefusal(detail: string, text: PaneText): string {
  return text(detail === 'bcc' ? 'pane.link.failed.recipients.bcc' : 'pane.link.failed.recipients.none');
}

export function ProtectSection({
  review,
  zip,
  link,
  busy,
  onProtectZip,
  onProtectLinks,
  onSharePasswordByLink,
  onSendPassword,
}: ProtectSectionProps) {
  const styles = useStyles();
  const text = usePaneText();
  const [zipCrypto, setZipCrypto] = useState(false);
  const [copied, setCopied] = useState(false);
  const [passwordLink, setPasswordLink] = useState<PasswordLinkOutcome | 'working' | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Set by the user's own press of a Protect button. An outcome the pane opens or refreshes with must not
  // scroll it: it opens at the top, the outside recipients first.
  const awaitingOutcome = useRef(false);
  // The outcome appears below the buttons, possibly under the pane's sticky footer: bring it into view.
  // After a success the check finds nothing left to protect and both buttons go: the outcome takes the focus.
  useEffect(() => {
    if (!awaitingOutcome.current || (zip === null && link === null)) return;
    awaitingOutcome.current = false;
    focusOutcome(outcomeRef.current, sectionRef.current);
    outcomeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [zip, link]);
  const unprotected = review.verdict.findings.filter((finding) => finding.rule === 'unprotected-attachment');
  const password = zip?.password;
  const mailText = messageText(`${review.snapshot.subject}${review.snapshot.body}`, text);
  if (unprotected.length === 0 && password === undefined && (zip === null || zip.ok) && link === null) return null;
  const settings = review.policy.attachments.protection;
  const linkOnly = unprotected.some((finding) => finding.messageKey.includes('.link.'));
  const zipName = zip?.ok === true ? zip.name : '';

  const protectZip = () => {
    awaitingOutcome.current = true;
    onProtectZip(zipCrypto ? 'zipcrypto' : 'aes256', text('pane.protect.archiveName'));
  };
  const protectLinks = () => {
    awaitingOutcome.current = true;
    onProtectLinks(mailText);
  };
  const sendPassword = () => {
    if (password === undefined) return;
    onSendPassword({
      toRecipients: review.snapshot.to.map((recipient) => recipient.address),
      ccRecipients: review.snapshot.cc.map((recipient) => recipient.address),
      subject: mailText('pane.protect.passwordSubject', { name: zipName }),
      htmlBody: `<p>${escapeHtml(mailText('pane.protect.passwordBody', { name: zipName, password }))}</p>`,
    });
  };
  const sendPasswordByLink = () => {
    if (password === undefined || passwordLink === 'working') return;
    setPasswordLink('working');
    onSharePasswordByLink(mailText, zipName, password).then(setPasswordLink, (error: unknown) =>
      setPasswordLink({ ok: false, stage: 'open', ...failureOf(error) }),
    );
  };
  const copy = () => {
    if (password === undefined) return;
    void navigator.clipboard?.writeText(password).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section ref={sectionRef} className={styles.section} aria-labelledby="preflight-protect-heading" data-testid="preflight-protect">
      <h2 id="preflight-protect-heading" className={styles.heading}>
        {text('pane.protect.title')}
      </h2>
      {unprotected.length > 0 && linkOnly ? <Text>{text('pane.link.intro')}</Text> : null}
      {unprotected.length > 0 && !linkOnly ? (
        <>
          <Text>{text('pane.protect.intro')}</Text>
          {settings.allowZipCrypto ? (
            <Checkbox
              checked={zipCrypto}
              onChange={(_event, data) => setZipCrypto(data.checked === true)}
              label={text('pane.protect.zipCrypto')}
            />
          ) : null}
          <div className={styles.row}>
            <Button appearance="secondary" data-testid="preflight-protect-zip" disabledFocusable={busy} onClick={protectZip}>
              {text('pane.protect.zipButton')}
            </Button>
          </div>
          <Text>{text('pane.link.orZip')}</Text>
        </>
      ) : null}
      {unprotected.length > 0 ? (
        <div className={styles.row}>
          <Button
            appearance={linkOnly ? 'primary' : 'secondary'}
            data-testid="preflight-protect-links"
            disabledFocusable={busy}
            onClick={protectLinks}
          >
            {text('pane.link.button')}
          </Button>
        </div>
      ) : null}
      <div ref={outcomeRef} className={styles.outcome} tabIndex={-1} data-testid="preflight-protect-outcome">
        {link?.ok === true ? (
          <MessageBar intent="success" layout="multiline" role="status" data-testid="preflight-links-done">
            <MessageBarBody>{text('pane.link.done', { date: formatExpiry(link.links.expiresAt, text) })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {link !== null && !link.ok ? (
          <FailureBar
            testId="preflight-links-failed"
            message={
              link.stage === 'recipients'
                ? recipientsRefusal(link.detail, text)
                : text(`pane.link.failed.${link.stage}`, { detail: link.detail })
            }
            cause={link.cause}
            detail={link.stage === 'recipients' || link.stage === 'remove' ? null : link.detail}
          />
        ) : null}
        {zip !== null && !zip.ok ? (
          <FailureBar
            testId="preflight-protect-failed"
            message={text(`pane.protect.failed.${zip.stage}`, { detail: zip.detail })}
            cause={zip.cause}
            detail={zip.stage === 'remove' || zip.stage === 'size' ? null : zip.detail}
          />
        ) : null}
        {password !== undefined && zip?.ok === true ? <Text role="status">{text('pane.protect.done', { name: zipName })}</Text> : null}
      </div>
      {password !== undefined ? (
        <>
          <div className={styles.row}>
            <Input
              className={styles.password}
              readOnly
              value={password}
              aria-label={text('pane.protect.copy')}
              data-testid="preflight-zip-password"
            />
            <Button onClick={copy}>{text('pane.protect.copy')}</Button>
            {copied ? <Text role="status">{text('pane.protect.copied')}</Text> : null}
          </div>
          <div className={styles.row}>
            <Button data-testid="preflight-send-password" onClick={sendPassword}>
              {text('pane.protect.sendPassword')}
            </Button>
            <Button data-testid="preflight-password-link" disabledFocusable={passwordLink === 'working'} onClick={sendPasswordByLink}>
              {text('pane.protect.passwordByLink')}
            </Button>
          </div>
          {passwordLink === 'working' ? <Spinner size="tiny" label={text('pane.link.stage.create')} /> : null}
          {passwordLink !== null && passwordLink !== 'working' && passwordLink.ok ? (
            <MessageBar intent="success" layout="multiline" data-testid="preflight-password-link-outcome">
              <MessageBarBody>{text('pane.protect.passwordLinkDone')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {passwordLink !== null && passwordLink !== 'working' && !passwordLink.ok ? (
            <FailureBar
              testId="preflight-password-link-outcome"
              message={
                passwordLink.stage === 'recipients' ? recipientsRefusal(passwordLink.detail, text) : text('pane.protect.passwordLinkFailed')
              }
              cause={passwordLink.cause}
              detail={passwordLink.stage === 'recipients' ? null : passwordLink.detail}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
