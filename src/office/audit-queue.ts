// The item's audit queue (sessionData key `preflight.audit`, docs/admin.md "Audit") has two writers that do
// not wait for each other, the send handler and the pane. Each posts what it read and then takes out only
// that, so what the other added or removed during the post stays as it is. Here so both may import it.

/** `current` without one copy of each event in `posted`; events are compared by their JSON text. */
export function notPosted(current: readonly unknown[], posted: readonly unknown[]): unknown[] {
  const left = posted.map((event) => JSON.stringify(event));
  return current.filter((event) => {
    const index = left.indexOf(JSON.stringify(event));
    if (index >= 0) left.splice(index, 1);
    return index < 0;
  });
}
