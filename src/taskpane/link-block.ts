// The short block a secure-link protection puts at the top of the body: what was shared, until when, and
// one link per recipient, in the message's own language, as HTML and as plain text.
import type { BodyBlock } from '../office/index.js';
import type { CompletedLinks } from '../protocol/index.js';
import { escapeHtml } from './escape-html.js';
import { describeSize } from '../i18n/format-size.js';
import type { PaneText } from './pane-text.js';
import type { LinkedFile } from './protect-link.js';

export interface LinkBlockInput {
  readonly links: CompletedLinks;
  readonly files: readonly LinkedFile[];
  readonly requireCode: boolean;
  readonly maxDownloads: number;
  /** The first line; by default it says the message's attachments are shared by link. */
  readonly title?: string;
  /** The sender's zone by default; tests fix it. */
  readonly timeZone?: string;
}

export function formatExpiry(expiresAt: string, text: PaneText, timeZone?: string): string {
  return new Date(expiresAt).toLocaleString(text.locale === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
}

export function linkBlock(input: LinkBlockInput, text: PaneText): BodyBlock {
  const size = (bytes: number) => {
    const { key, value } = describeSize(bytes);
    return text(key, { value });
  };
  const files = input.files.map((file) => `${file.name} (${size(file.size)})`);
  const facts = [
    text('pane.link.block.expires', { date: formatExpiry(input.links.expiresAt, text, input.timeZone), count: input.maxDownloads }),
    ...(input.requireCode ? [text('pane.link.block.code')] : []),
  ];
  const title = input.title ?? text('pane.link.block.title');
  const forEach = text('pane.link.block.links');
  const note = text('pane.link.block.note');
  const rule = '-'.repeat(40);
  const plain = [
    rule,
    title,
    ...files.map((file) => `  ${file}`),
    ...facts,
    forEach,
    ...input.links.links.map((link) => `  ${link.recipient}: ${link.url}`),
    note,
    rule,
    '',
    '',
  ].join('\n');
  const html = [
    '<div style="border:1px solid #8a8886;border-radius:4px;padding:8px 12px;margin:0 0 12px 0;font-family:sans-serif">',
    `<p style="margin:0 0 6px 0"><strong>${escapeHtml(title)}</strong></p>`,
    `<ul style="margin:0 0 6px 0">${files.map((file) => `<li>${escapeHtml(file)}</li>`).join('')}</ul>`,
    ...facts.map((fact) => `<p style="margin:0 0 6px 0">${escapeHtml(fact)}</p>`),
    `<p style="margin:0">${escapeHtml(forEach)}</p>`,
    `<ul style="margin:0 0 6px 0">${input.links.links
      .map((link) => `<li>${escapeHtml(link.recipient)}: <a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a></li>`)
      .join('')}</ul>`,
    `<p style="margin:0;color:#605e5c">${escapeHtml(note)}</p>`,
    '</div>',
  ].join('');
  return { html, text: plain };
}
