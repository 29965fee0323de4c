/** The HTML Outlook on the web would give for a plain-text body typed into the compose form. */
export function bodyAsHtml(text: string): string {
  const paragraphs = text.split(/\r?\n/).map((line) => `<div>${line === '' ? '<br>' : escapeHtml(line)}</div>`);
  return `<html><body>${paragraphs.join('')}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
