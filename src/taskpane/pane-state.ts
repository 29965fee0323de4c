// The pane's state as one value and the events that change it; React only renders it.
import { carryTicks, setTicked, type Ticks } from './review-model.js';
import type { Problem, Review } from './review-session.js';

export type Work =
  | { readonly kind: 'loading' }
  | { readonly kind: 'refreshing' }
  | { readonly kind: 'moving' }
  | { readonly kind: 'removing'; readonly address: string }
  | { readonly kind: 'confirming' };

export interface PaneState {
  readonly review: Review | null;
  readonly ticks: Ticks;
  /** The fingerprint recorded in the item; stale when it differs from the current verdict's. */
  readonly confirmedFingerprint: string | null;
  readonly work: Work | null;
  readonly problem: Problem | null;
}

export type PaneEvent =
  | { readonly type: 'work-started'; readonly work: Work }
  | { readonly type: 'evaluated'; readonly review: Review; readonly confirmedFingerprint?: string | null }
  | { readonly type: 'failed'; readonly problem: Problem }
  | { readonly type: 'ticked'; readonly itemIds: readonly string[]; readonly ticked: boolean }
  | { readonly type: 'confirmed'; readonly fingerprint: string };

export const INITIAL_PANE_STATE: PaneState = {
  review: null,
  ticks: new Map(),
  confirmedFingerprint: null,
  work: { kind: 'loading' },
  problem: null,
};

export function reducePane(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'work-started':
      return { ...state, work: event.work, problem: null };
    case 'evaluated':
      return {
        ...state,
        review: event.review,
        ticks: carryTicks(state.ticks, event.review.model),
        confirmedFingerprint:
          event.confirmedFingerprint === undefined ? state.confirmedFingerprint : event.confirmedFingerprint,
        work: null,
        problem: null,
      };
    case 'failed':
      return { ...state, work: null, problem: event.problem };
    case 'ticked':
      if (state.review === null) return state;
      return { ...state, ticks: setTicked(state.review.model, state.ticks, event.itemIds, event.ticked) };
    case 'confirmed':
      return { ...state, confirmedFingerprint: event.fingerprint, work: null, problem: null };
  }
}
