import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readActivePolicy, readPolicyVersions, rollbackPolicy, savePolicy } from '../../api-client/index.js';
import { POLICY_REASON_MAX_LENGTH, type ActivePolicy, type PolicyVersionPage } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { CALL_TIMEOUT_MS, type ConsoleSource } from '../console-source.js';
import { hasChanges, lineDiff } from '../line-diff.js';
import { commonKeysOf, withCommonKey } from '../common-keys.js';
import { draftState, draftText } from '../policy-draft.js';
import { maySave, offersRebase, retryAction, rolledBackKey, saveRefusalOf, type PolicyAction, type SaveRefusal } from '../policy-save.js';
import { useLoader } from '../use-loader.js';
import { useOlderVersions } from '../use-older-versions.js';
import { CommonKeysForm } from './CommonKeysForm.js';
import { DryRunSection } from './DryRunSection.js';
import { PolicyDiff } from './PolicyDiff.js';
import { ActiveVersion } from './ActiveVersion.js';
import { PolicyHistory } from './PolicyHistory.js';
import { ProblemBar } from './ProblemBar.js';
import { usePageStyles } from './styles.js';
import { PathProblemList } from './PathProblemList.js';

const useStyles = makeStyles({
  editor: { fontFamily: tokens.fontFamilyMonospace, '& textarea': { fontFamily: tokens.fontFamilyMonospace, minHeight: '20rem' } },
});

export interface Loaded {
  readonly active: ActivePolicy;
  readonly history: PolicyVersionPage;
}

export type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'rebased' }
  | { readonly kind: 'refused'; readonly refusal: SaveRefusal; readonly action: PolicyAction };

/** An unsaved draft and its reason, taken across a reload into the fresh editor. */
export interface Carried {
  readonly draft: string;
  readonly reason: string;
}

export interface EditorProps {
  readonly loaded: Loaded;
  readonly source: ConsoleSource;
  readonly text: AdminText;
  /** Kept by the page: a save reloads the versions, which mounts a fresh editor that must still say so. */
  readonly outcome: Outcome;
  /** What the editor starts with instead of the active version's text and an empty reason. */
  readonly carried: Carried | null;
  setOutcome(outcome: Outcome): void;
  reload(carry: Carried | null): void;
}

export function PolicyEditor({ loaded, source, text, outcome, carried, setOutcome, reload }: EditorProps) {
  const styles = usePageStyles();
  const local = useStyles();
  const activeText = useMemo(() => draftText(loaded.active.document), [loaded.active.document]);
  // Every reload mounts a new editor (the page shows a spinner meanwhile), so these start afresh each time.
  const [draft, setDraft] = useState(carried?.draft ?? activeText);
  const [reason, setReason] = useState(carried?.reason ?? '');
  const state = useMemo(() => draftState(draft), [draft]);
  const diff = useMemo(() => lineDiff(activeText, draft), [activeText, draft]);
  const changed = hasChanges(diff);
  const keys = state.kind === 'syntax' ? null : commonKeysOf(state.document);
  const history = useOlderVersions(source, loaded.history);

  const run = (action: PolicyAction, call: (token: string) => Promise<{ readonly version: number }>, done: (version: number) => string) => {
    setOutcome({ kind: 'busy' });
    source
      .token()
      .then(call)
      .then(
        (version) => {
          setOutcome({ kind: 'done', message: done(version.version) });
          setReason('');
          reload(null);
        },
        (error: unknown) => setOutcome({ kind: 'refused', refusal: saveRefusalOf(error, action.kind), action }),
      );
  };
  const save = () =>
    state.kind === 'valid' &&
    run(
      { kind: 'save' },
      (token) =>
        savePolicy(
          source.origin,
          token,
          { document: state.document, reason: reason.trim(), baseVersion: loaded.active.version },
          CALL_TIMEOUT_MS,
        ),
      (version) => text('admin.policy.saved', { version }),
    );
  const rollback = (version: number, why: string) =>
    run(
      { kind: 'rollback', version, reason: why },
      (token) => rollbackPolicy(source.origin, token, { version, reason: why }, CALL_TIMEOUT_MS),
      (restored) => text(rolledBackKey(changed), { version: restored }),
    );
  // The newer version becomes the base, so the next Save is not refused again; the admin's work stays.
  const rebase = () => {
    setOutcome({ kind: 'rebased' });
    reload({ draft, reason });
  };

  return (
    <>
      <Field label={text('admin.policy.editor')} className={local.editor}>
        <Textarea
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          resize="vertical"
          spellCheck={false}
          data-testid="policy-editor"
        />
      </Field>
      {keys === null ? null : (
        <section className={styles.section} aria-labelledby="policy-common-heading">
          <h3 id="policy-common-heading" className={styles.subheading}>
            {text('admin.policy.common')}
          </h3>
          <CommonKeysForm
            keys={keys}
            text={text}
            problems={state.kind === 'invalid' ? state.problems : []}
            change={(key, value) => state.kind !== 'syntax' && setDraft(draftText(withCommonKey(state.document, key, value)))}
          />
        </section>
      )}
      <section className={styles.section} aria-labelledby="policy-problems-heading">
        <h3 id="policy-problems-heading" className={styles.subheading}>
          {text('admin.policy.problems')}
        </h3>
        <div role="status" aria-live="polite" data-testid="policy-problems" data-state={state.kind}>
          {state.kind === 'valid' ? <Text as="p">{text('admin.policy.valid')}</Text> : null}
          {state.kind === 'syntax' ? <Text as="p">{text('admin.policy.syntax', { line: state.line, column: state.column })}</Text> : null}
          {state.kind === 'invalid' ? <PathProblemList problems={state.problems} text={text} /> : null}
        </div>
      </section>
      <section className={styles.section} aria-labelledby="policy-diff-heading">
        <h3 id="policy-diff-heading" className={styles.subheading}>
          {text('admin.policy.diff')}
        </h3>
        {changed ? <PolicyDiff diff={diff} /> : <Text as="p">{text('admin.policy.noChanges')}</Text>}
      </section>
      <DryRunSection activeDocument={loaded.active.document} draft={state} text={text} />
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field label={text('admin.policy.saveReason')} required className={styles.field}>
          <Input
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={POLICY_REASON_MAX_LENGTH}
            data-testid="policy-reason"
          />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabled={!maySave(state.kind === 'valid', changed, reason) || outcome.kind === 'busy'}
          data-testid="policy-save"
        >
          {text('admin.policy.save')}
        </Button>
      </form>
      {outcome.kind === 'busy' ? <Spinner size="tiny" /> : null}
      {outcome.kind === 'done' ? (
        <MessageBar intent="success" data-testid="policy-outcome">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === 'refused' && outcome.refusal.kind === 'invalid' ? (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="policy-refused">
          <MessageBarBody>
            {text('admin.policy.refused')}
            <PathProblemList problems={outcome.refusal.problems} text={text} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === 'rebased' ? (
        <MessageBar intent="info" layout="multiline" data-testid="policy-outcome">
          <MessageBarBody>{text('admin.policy.rebased', { version: loaded.active.version })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === 'refused' && outcome.refusal.kind === 'conflict' ? (
        <MessageBar intent="warning" layout="multiline" role="alert" data-testid="policy-refused">
          <MessageBarBody>{text(outcome.refusal.key)}</MessageBarBody>
          {offersRebase(outcome.refusal, outcome.action) ? (
            <MessageBarActions>
              <Button onClick={rebase} data-testid="policy-rebase">
                {text('admin.policy.rebase')}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {outcome.kind === 'refused' && outcome.refusal.kind === 'bad-request' ? (
        <MessageBar intent="error" role="alert" data-testid="policy-refused">
          <MessageBarBody>{text(outcome.refusal.key, { detail: outcome.refusal.detail })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === 'refused' && outcome.refusal.kind === 'problem' ? (
        <ProblemBar
          problem={outcome.refusal.problem}
          text={text}
          onRetry={() => retryAction(outcome.action, { save, rollback })}
          testId="policy-problem"
        />
      ) : null}
      <section className={styles.section} aria-labelledby="policy-history-heading">
        <h3 id="policy-history-heading" className={styles.subheading}>
          {text('admin.policy.history')}
        </h3>
        <PolicyHistory versions={history.versions} active={loaded.active.version} text={text} rollback={rollback} />
        {history.hasMore ? (
          <div className={styles.actions}>
            <Button onClick={history.more} disabled={history.phase === 'busy'} data-testid="policy-history-more">
              {text('admin.policy.older')}
            </Button>
            {history.phase === 'busy' ? <Spinner size="tiny" /> : null}
            {history.phase === 'failed' ? (
              <Text role="alert" data-testid="policy-history-failed">
                {text('admin.policy.olderFailed')}
              </Text>
            ) : null}
          </div>
        ) : null}
      </section>
    </>
  );
}

/** The active policy, a draft checked as it is typed, its diff and dry-run, Save with a reason, and the history. */
export function PolicyPage({ source, text }: { readonly source: ConsoleSource; readonly text: AdminText }) {
  const styles = usePageStyles();
  const { state, load } = useLoader<Loaded>();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [carried, setCarried] = useState<Carried | null>(null);
  const read = useCallback(
    () =>
      load(async () => {
        const token = await source.token();
        const [active, history] = await Promise.all([
          readActivePolicy(source.origin, token, CALL_TIMEOUT_MS),
          readPolicyVersions(source.origin, token, CALL_TIMEOUT_MS),
        ]);
        return { active, history };
      }),
    [load, source],
  );
  useEffect(() => read(), [read]);
  return (
    <section className={styles.page} aria-labelledby="policy-heading" data-testid="policy-page">
      <h2 id="policy-heading" className={styles.heading}>
        {text('admin.policy.heading')}
      </h2>
      {state.phase === 'loading' || state.phase === 'idle' ? <Spinner label={text('admin.loading')} /> : null}
      {state.phase === 'failed' ? <ProblemBar problem={state.problem} text={text} onRetry={read} testId="admin-problem" /> : null}
      {state.phase === 'ready' ? (
        <>
          <section className={styles.section} aria-labelledby="policy-active-heading">
            <h3 id="policy-active-heading" className={styles.subheading}>
              {text('admin.policy.active')}
            </h3>
            <ActiveVersion active={state.value.active} text={text} />
          </section>
          <PolicyEditor
            loaded={state.value}
            source={source}
            text={text}
            outcome={outcome}
            carried={carried}
            setOutcome={setOutcome}
            reload={(carry) => {
              setCarried(carry);
              read();
            }}
          />
        </>
      ) : null}
    </section>
  );
}
