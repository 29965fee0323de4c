// The pane's one line to Outlook. Office.js runs an item's async calls without ordering them against each
// other, so two flows reading and writing the item at once (a re-check and a protection, a poll and
// sessionData's read-modify-write) could each see the other half done. Every task that touches the item
// runs here: one at a time, in the order given, each caller getting its own result or error.

export interface OfficeQueue {
  /** Runs `task` after every task queued before it has settled; a failure reaches only its own caller. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function officeQueue(): OfficeQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
