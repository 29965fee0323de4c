// Builds Smart Alerts texts that fit Outlook's 500-character limit (errorMessage, errorMessageMarkdown;
// https://learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions) by dropping list lines before anything else, never cutting a
// surrogate pair or a Markdown marker in half.

export const ALERT_TEXT_LIMIT = 500;
/** One list line may not take the whole message; it is shortened first. */
const LINE_LIMIT = 160;
const ELLIPSIS = '…';

export interface AlertParts {
  readonly title: string;
  readonly lines: readonly string[];
  readonly closing: string;
}

/** Shortens `text` to at most `limit` UTF-16 units, ending in "…" when cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

export function plainAlert(parts: AlertParts, limit = ALERT_TEXT_LIMIT): string {
  const render = (lines: readonly string[]): string => [parts.title, ...lines, parts.closing].join('\n');
  return fitLines(parts.lines, render, limit) ?? truncate(render([]), limit);
}

/** Null when even the title and closing do not fit; the plain errorMessage is then shown alone. */
export function markdownAlert(parts: AlertParts, limit = ALERT_TEXT_LIMIT): string | null {
  // Smart Alerts Markdown: list items end with \r, paragraphs are separated by \n\n.
  const render = (lines: readonly string[]): string => {
    const list = lines.map((line) => `- ${escapeMarkdown(line)}\r`).join('');
    const title = `**${escapeMarkdown(parts.title)}**`;
    return [title, list, escapeMarkdown(parts.closing)].filter((block) => block !== '').join('\n\n');
  };
  return fitLines(parts.lines, render, limit);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_[\]`#~<>]/g, '\\$&');
}

function fitLines(lines: readonly string[], render: (lines: readonly string[]) => string, limit: number): string | null {
  const shortened = lines.map((line) => truncate(line, LINE_LIMIT));
  for (let count = shortened.length; count >= 0; count -= 1) {
    const shown = count === shortened.length ? shortened : [...shortened.slice(0, count), ELLIPSIS];
    const text = render(shown);
    if (text.length <= limit) return text;
  }
  return null;
}
