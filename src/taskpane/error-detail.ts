/** What went wrong, for the "Detail:" line the pane shows under a failure. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
