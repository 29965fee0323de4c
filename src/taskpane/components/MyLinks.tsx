import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { LinkSummary } from '../../protocol/index.js';
import { failureOf, type FailureCause } from '../error-detail.js';
import type { PaneKey } from '../pane-text.js';
import { formatExpiry } from '../link-block.js';
import { usePaneText } from '../pane-text-context.js';
import { TextWithAddresses } from './Address.js';
import { FailureBar } from './FailureText.js';
import { focusOutcome } from './focus-outcome.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    width: '100%',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Why the list could not be read, or a package not revoked. */
export type LinksProblem = FailureCause & { readonly key: PaneKey };

export interface MyLinksProps {
  readonly load: () => Promise<readonly LinkSummary[]>;
  readonly revoke: (packageId: string) => Promise<unknown>;
}

/** "My recent links": what the sender shared, who downloaded it, and a way to withdraw it at once. */
export function MyLinks({ load, revoke }: MyLinksProps) {
  const styles = useStyles();
  const text = usePaneText();
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<readonly LinkSummary[] | null>(null);
  const [problem, setProblem] = useState<LinksProblem | null>(null);
  const [pending, setPending] = useState(false);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The package just revoked: its Revoke button is gone once the list is read again, so its entry, which
  // now says it is revoked, takes the focus (the heading when the list no longer has it).
  const revoked = useRef<string | null>(null);
  useEffect(() => {
    const id = revoked.current;
    if (id === null || links === null) return;
    revoked.current = null;
    const entries = section.current?.querySelectorAll<HTMLElement>('[data-link-id]') ?? [];
    const entry = [...entries].find((element) => element.dataset['linkId'] === id);
    focusOutcome(entry ?? heading.current, section.current);
  }, [links]);

  const refresh = async () => {
    setPending(true);
    setProblem(null);
    try {
      setLinks(await load());
    } catch (error) {
      setProblem({ key: 'pane.link.mine.failed', ...failureOf(error) });
    } finally {
      setPending(false);
    }
  };
  const toggle = () => {
    setOpen(!open);
    if (!open) void refresh();
  };
  const withdraw = async (packageId: string) => {
    setPending(true);
    setProblem(null);
    try {
      await revoke(packageId);
      revoked.current = packageId;
      setLinks(await load());
    } catch (error) {
      revoked.current = null;
      setProblem({ key: 'pane.link.mine.revokeFailed', ...failureOf(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <section ref={section} className={styles.section} aria-labelledby="preflight-links-heading" data-testid="preflight-my-links">
      <h2 id="preflight-links-heading" className={styles.heading} ref={heading} tabIndex={-1}>
        {text('pane.link.mine.title')}
      </h2>
      <Button appearance="subtle" aria-expanded={open} data-testid="preflight-my-links-toggle" onClick={toggle}>
        {text(open ? 'pane.link.mine.hide' : 'pane.link.mine.show')}
      </Button>
      {open ? <MyLinksBody pending={pending} problem={problem} links={links} onRevoke={(id) => void withdraw(id)} /> : null}
    </section>
  );
}

export interface MyLinksBodyProps {
  readonly pending: boolean;
  readonly problem: LinksProblem | null;
  readonly links: readonly LinkSummary[] | null;
  readonly onRevoke: (packageId: string) => void;
}

/** The open list and how reading or revoking went; apart from its state so the DOM-less unit tests can render each outcome. */
export function MyLinksBody({ pending, problem, links, onRevoke }: MyLinksBodyProps) {
  const styles = useStyles();
  const text = usePaneText();
  return (
    <>
      {pending ? <Spinner size="tiny" label={text('pane.link.mine.loading')} /> : null}
      {problem !== null ? (
        <FailureBar testId="preflight-my-links-failed" message={text(problem.key)} cause={problem.cause} detail={problem.detail} />
      ) : null}
      {links !== null && links.length === 0 ? <Text>{text('pane.link.mine.empty')}</Text> : null}
      {links !== null && links.length > 0 ? (
        <ul className={styles.list}>
          {links.map((link) => {
            const files = link.files.map((file) => file.name).join(', ');
            const until = formatExpiry(link.expiresAt, text);
            return (
              <li key={link.id} className={styles.item} data-testid="preflight-my-link" data-link-id={link.id} tabIndex={-1}>
                <Text weight="semibold">{files}</Text>
                <Text className={styles.meta}>
                  {text('pane.link.mine.created', { date: formatExpiry(link.createdAt, text) })} ·{' '}
                  <span data-testid="preflight-my-link-status">{text(`pane.link.mine.status.${link.status}`, { date: until })}</span>
                </Text>
                {link.recipients.map((recipient) => (
                  <Text key={recipient.address} className={styles.meta}>
                    <TextWithAddresses
                      parts={text.parts(
                        recipient.locked
                          ? 'pane.link.mine.locked'
                          : recipient.downloads === 1
                            ? 'pane.link.mine.downloads.one'
                            : 'pane.link.mine.downloads.other',
                        { address: recipient.address, count: recipient.downloads },
                      )}
                    />
                  </Text>
                ))}
                {link.status === 'active' ? (
                  <Button
                    data-testid="preflight-my-link-revoke"
                    aria-label={text('pane.link.mine.revokeLabel', { files })}
                    disabledFocusable={pending}
                    onClick={() => onRevoke(link.id)}
                  >
                    {text('pane.link.mine.revoke')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
