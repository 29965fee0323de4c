// The pane's state as one value and the events that change it; React only renders it.
import { carryTicks, setTicked, type Ticks } from './review-model.js';
import type { LinkOutcome, LinkProgress } from './protect-link.js';
import type { ZipOutcome, ZipProgress } from './protect-zip.js';
import type { Problem, Review } from './review-session.js';

export type Work =
  | { readonly kind: 'loading' }
  | { readonly kind: 'refreshing' }
  | { readonly kind: 'inspecting'; readonly index: number; readonly total: number; readonly name: string }
  | { readonly kind: 'moving' }
  | { readonly kind: 'removing'; readonly address: string }
  | { readonly kind: 'confirming' }
  | { readonly kind: 'sending' }
  | ({ readonly kind: 'protecting' } & ZipProgress)
  | ({ readonly kind: 'linking' } & LinkProgress);

export interface PaneState {
  readonly review: Review | null;
  readonly ticks: Ticks;
  /** The fingerprint recorded in the item; stale when it differs from the current verdict's. */
  readonly confirmedFingerprint: string | null;
  readonly work: Work | null;
  readonly problem: Problem | null;
  /**
   * The problem came from a change the user asked for (move, remove, confirm). Re-reads that the change
   * itself triggers must not wipe it before it is read; the next action or a reload does.
   */
  readonly problemFromAction: boolean;
  /** The last ZIP protection: its password (shown once, in this pane only) or why it failed. */
  readonly zip: ZipOutcome | null;
  /** The last secure-link protection: the links made or why none were. */
  readonly link: LinkOutcome | null;
}

export type PaneEvent =
  | { readonly type: 'work-started'; readonly work: Work }
  | { readonly type: 'evaluated'; readonly review: Review; readonly confirmedFingerprint?: string | null }
  | { readonly type: 'failed'; readonly problem: Problem }
  | { readonly type: 'ticked'; readonly itemIds: readonly string[]; readonly ticked: boolean }
  | { readonly type: 'confirmed'; readonly fingerprint: string }
  | { readonly type: 'zip-finished'; readonly outcome: ZipOutcome }
  | { readonly type: 'link-finished'; readonly outcome: LinkOutcome };

export const INITIAL_PANE_STATE: PaneState = {
  review: null,
  ticks: new Map(),
  confirmedFingerprint: null,
  work: { kind: 'loading' },
  problem: null,
  problemFromAction: false,
  zip: null,
  link: null,
};

function isRead(work: Work | null): boolean {
  return work === null || work.kind === 'loading' || work.kind === 'refreshing' || work.kind === 'inspecting';
}

export function reducePane(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'work-started': {
      const keep = (event.work.kind === 'refreshing' || event.work.kind === 'inspecting') && state.problemFromAction;
      return { ...state, work: event.work, ...(keep ? {} : { problem: null, problemFromAction: false }) };
    }
    case 'evaluated':
      return {
        ...state,
        review: event.review,
        ticks: carryTicks(state.ticks, event.review.model),
        confirmedFingerprint: event.confirmedFingerprint === undefined ? state.confirmedFingerprint : event.confirmedFingerprint,
        work: null,
        ...(state.problemFromAction ? {} : { problem: null }),
      };
    case 'failed':
      return { ...state, work: null, problem: event.problem, problemFromAction: !isRead(state.work) };
    case 'ticked':
      if (state.review === null) return state;
      return { ...state, ticks: setTicked(state.review.model, state.ticks, event.itemIds, event.ticked) };
    case 'zip-finished':
      return { ...state, work: null, zip: event.outcome, link: null };
    case 'link-finished':
      return { ...state, work: null, link: event.outcome, zip: null };
    case 'confirmed':
      return { ...state, confirmedFingerprint: event.fingerprint, work: null, problem: null, problemFromAction: false };
  }
}
