/** The form in which approvals store and compare mail addresses: trimmed and lower-cased. */
export function approvalAddress(text: string): string {
  return text.trim().toLowerCase();
}
