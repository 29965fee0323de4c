import { completeEvent, type LaunchEvent } from '../office/index.js';
import type { TimerScope } from './timer-scope.js';

/**
 * The one way a run without a verdict ends: every timer cleared, then `event.completed` exactly once,
 * whichever of the work, the watchdog or a failure gets there first. A throwing `completed` is logged,
 * never rethrown into Outlook.
 */
export function completeOnce(event: LaunchEvent, timers: TimerScope): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    timers.cancelAll();
    try {
      completeEvent(event);
    } catch (error) {
      console.error('Preflight: event.completed threw', error instanceof Error ? error.name : 'unknown');
    }
  };
}
