// The API's times are ISO 8601 (docs/admin.md "Reading and exporting"). Date.parse alone takes far more
// ("12" is December 2001, "March 2026" a month) and rolls a day that does not exist into the next month
// (2026-02-30 is 2 March), so a filter given one would silently mean another time.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Milliseconds since the epoch of an ISO 8601 date (`2026-12-01`, midnight UTC) or date and time
 * (`2026-12-01T15:00:00.000Z`, `2026-12-01T09:00+09:00`; without an offset, local time as Date.parse
 * reads it); null when the text is not one, or names a day or a time that does not exist.
 */
export function parseIsoInstant(text: string): number | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) ? parsed : null;
}
