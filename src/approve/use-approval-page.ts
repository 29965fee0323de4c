// The approver's page's state over time: sign in, read the request, then its message; decide; after a
// refusal read the request again, so the page shows who decided first or that it expired.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decideApprovalRequest, readApprovalMessage, readApprovalRequest } from '../api-client/index.js';
import type { ApprovalDecision, ApprovalRequestView } from '../protocol/index.js';
import type { MessageState, PageState } from './page-state.js';
import { messageProblemOf, problemOf } from './problem.js';

const TIMEOUT_MS = 30_000;

export interface ApprovalPageSource {
  readonly origin: string;
  /** '' when the path names no request. */
  readonly id: string;
  token(): Promise<string>;
}

export interface ApprovalPage {
  readonly state: PageState;
  reload(): void;
  retryMessage(): void;
  decide(decision: ApprovalDecision, comment: string): void;
}

async function messageState(source: ApprovalPageSource, token: string): Promise<MessageState> {
  try {
    return { kind: 'shown', message: await readApprovalMessage(source.origin, token, source.id, TIMEOUT_MS) };
  } catch (error) {
    return { kind: 'absent', problem: messageProblemOf(error) };
  }
}

export function useApprovalPage(source: ApprovalPageSource): ApprovalPage {
  const [state, setState] = useState<PageState>({ phase: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = (generation.current += 1);
    const current = (): boolean => mine === generation.current;
    setState({ phase: 'loading' });
    try {
      const token = await source.token();
      if (source.id === '') {
        if (current()) setState({ phase: 'failed', problem: { kind: 'not-found' } });
        return;
      }
      const request = await readApprovalRequest(source.origin, token, source.id, TIMEOUT_MS);
      if (!current()) return;
      setState({ phase: 'ready', request, message: { kind: 'loading' }, decision: { kind: 'idle' } });
      const message = await messageState(source, token);
      if (current()) setState((before) => (before.phase === 'ready' ? { ...before, message } : before));
    } catch (error) {
      if (current()) setState({ phase: 'failed', problem: problemOf(error) });
    }
  }, [source]);

  useEffect(() => {
    void load();
  }, [load]);

  const retryMessage = useCallback(() => {
    setState((before) => (before.phase === 'ready' ? { ...before, message: { kind: 'loading' } } : before));
    void source
      .token()
      .then(
        (token) => messageState(source, token),
        (error: unknown): MessageState => ({ kind: 'absent', problem: problemOf(error) }),
      )
      .then((message) => setState((before) => (before.phase === 'ready' ? { ...before, message } : before)));
  }, [source]);

  const decide = useCallback(
    (decision: ApprovalDecision, comment: string) => {
      setState((before) => (before.phase === 'ready' ? { ...before, decision: { kind: 'sending', decision } } : before));
      void (async () => {
        let token = '';
        try {
          token = await source.token();
          const trimmed = comment.trim();
          const request = await decideApprovalRequest(
            source.origin,
            token,
            source.id,
            trimmed === '' ? { decision } : { decision, comment: trimmed },
            TIMEOUT_MS,
          );
          setState((before) => (before.phase === 'ready' ? { ...before, request, decision: { kind: 'done', decision } } : before));
        } catch (error) {
          const problem = problemOf(error);
          // Who decided first, or that it expired, is in the request as it stands now.
          const now: ApprovalRequestView | null =
            token === '' ? null : await readApprovalRequest(source.origin, token, source.id, TIMEOUT_MS).catch(() => null);
          setState((before) =>
            before.phase === 'ready'
              ? { ...before, request: now ?? before.request, decision: { kind: 'refused', decision, problem } }
              : before,
          );
        }
      })();
    },
    [source],
  );

  return { state, reload: () => void load(), retryMessage, decide };
}
