/** The string keys a size is shown with; every page that lists files uses the same three. */
export type SizeKey = 'pane.size.bytes' | 'pane.size.kilobytes' | 'pane.size.megabytes';

/** A byte count in the unit people read at a glance: bytes below 1 KB, KB below 1 MB, else MB (1024-based, like Outlook). */
export function describeSize(bytes: number): { readonly key: SizeKey; readonly value: number } {
  if (bytes < 1024) return { key: 'pane.size.bytes', value: bytes };
  if (bytes < 1024 * 1024) return { key: 'pane.size.kilobytes', value: Math.round((bytes / 1024) * 10) / 10 };
  return { key: 'pane.size.megabytes', value: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}
