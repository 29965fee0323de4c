import { htmlToText } from '../../inspect/extract/markup.js';

/** The HTML Outlook on the web would give for a plain-text body typed into the compose form. */
export function bodyAsHtml(text: string): string {
  const paragraphs = text.split(/\r?\n/).map((line) => `<div>${line === '' ? '<br>' : escapeHtml(line)}</div>`);
  return `<html><body>${paragraphs.join('')}</body></html>`;
}

/** What a reader sees of an HTML body, as the plain text Outlook hands out for body.getAsync(Text). */
export function bodyAsText(html: string): string {
  return htmlToText(html);
}

/**
 * An HTML body with `fragment` at the top of what the reader sees: inside `<body>` when the source has one,
 * else in front of it. Text given for an HTML body is shown as text, line for line.
 */
export function prependToHtml(html: string, fragment: string, fragmentIsHtml: boolean): string {
  const insert = fragmentIsHtml ? fragment : fragment.split(/\r?\n/).map(escapeHtml).join('<br>');
  const bodyTag = /<body\b[^>]*>/i.exec(html);
  if (bodyTag === null) return `${insert}${html}`;
  const at = bodyTag.index + bodyTag[0].length;
  return `${html.slice(0, at)}${insert}${html.slice(at)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
