import type { Locale } from '../../i18n/locale.js';
import type { StringKey } from '../../i18n/strings.js';
import { translate } from '../../i18n/translate.js';
import type { LinkLimits } from './link-limits.js';
import type { LinkPage } from './recipient-operations.js';

export interface Notice {
  readonly tone: 'error' | 'info';
  readonly text: string;
}

export interface PageInput {
  readonly locale: Locale;
  readonly token: string;
  /** Null when the link cannot be used at all (unknown, expired, revoked, locked): only the notice shows. */
  readonly page: LinkPage | null;
  readonly notice: Notice | null;
  readonly limits: LinkLimits;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

export function formatSize(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = unit === 0 ? String(value) : value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 });
  return `${number} ${units[unit]}`;
}

function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",Meiryo,sans-serif;margin:0;background:#f5f5f5;color:#1b1b1b;line-height:1.6}
main{max-width:44rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:600}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d1d1d1;vertical-align:middle}
button{font:inherit;padding:.4rem 1rem;border-radius:4px;border:1px solid #0f6cbd;background:#0f6cbd;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0f6cbd}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
input{font:inherit;padding:.3rem .5rem;border:1px solid #616161;border-radius:4px;width:10rem;letter-spacing:.2em}
.notice{padding:.75rem 1rem;border-radius:4px;margin:1rem 0}
.error{background:#fde7e9;border:1px solid #a4262c}
.info{background:#e8f3fc;border:1px solid #0f6cbd}
.meta{color:#424242;margin:.25rem 0}
footer{color:#424242;font-size:.875rem;margin-top:1.5rem}
@media (prefers-color-scheme:dark){body{background:#1b1b1b;color:#f0f0f0}main{background:#292929}th,td{border-color:#555}.meta,footer{color:#d0d0d0}.error{background:#442726}.info{background:#1a3a57}button.secondary{background:#292929;color:#8ec5ff}input{background:#1b1b1b;color:#f0f0f0}}
`;

function noticeHtml(notice: Notice | null): string {
  if (notice === null) return '';
  const role = notice.tone === 'error' ? 'alert' : 'status';
  return `<p class="notice ${notice.tone}" role="${role}">${escapeHtml(notice.text)}</p>`;
}

function body(input: PageInput, page: LinkPage): string {
  const t = (key: StringKey, params: Record<string, string | number> = {}): string => escapeHtml(translate(input.locale, key, params));
  const { view } = page;
  const base = `/d/${encodeURIComponent(input.token)}`;
  const lang = `<input type="hidden" name="lang" value="${input.locale}">`;
  const rows = view.files
    .map((file, index) => {
      const left = page.left.get(file.id) ?? 0;
      return [
        '<tr>',
        `<td>${escapeHtml(file.name)}</td>`,
        `<td>${escapeHtml(formatSize(file.size, input.locale))}</td>`,
        `<td><p class="meta">${t('links.page.downloadsLeft', { left, max: view.package.maxDownloads })}</p>`,
        `<button type="submit" name="file" value="${index}"${left === 0 ? ' disabled' : ''} aria-label="${t('links.page.download', { name: file.name })}">${t('links.page.fileAction')}</button></td>`,
        '</tr>',
      ].join('');
    })
    .join('\n');
  const codeField = view.package.otpRequired
    ? [
        '<p>',
        `<label for="code">${t('links.page.codeLabel')}</label><br>`,
        `<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{${input.limits.codeDigits}}" maxlength="${input.limits.codeDigits}" required aria-describedby="code-hint">`,
        ` <span id="code-hint" class="meta">${t('links.page.codeHint', { digits: input.limits.codeDigits, minutes: input.limits.codeMinutes })}</span>`,
        '</p>',
      ].join('')
    : '';
  const codeRequest = view.package.otpRequired
    ? [
        `<form method="post" action="${base}/otp">${lang}`,
        `<p>${t('links.page.codeIntro', { recipient: view.recipient.address })}</p>`,
        `<button type="submit" class="secondary">${t('links.page.sendCode')}</button>`,
        '</form>',
      ].join('\n')
    : '';
  return [
    `<p class="meta">${t('links.page.for', { recipient: view.recipient.address })}</p>`,
    view.package.ownerEmail === null ? '' : `<p class="meta">${t('links.page.from', { sender: view.package.ownerEmail })}</p>`,
    `<p class="meta">${t('links.page.expires', { date: formatDate(view.package.expiresAt) })}</p>`,
    codeRequest,
    `<form method="post" action="${base}/download">${lang}`,
    codeField,
    `<table><caption>${t('links.page.filesCaption')}</caption>`,
    `<thead><tr><th scope="col">${t('links.page.fileName')}</th><th scope="col">${t('links.page.fileSize')}</th><th scope="col">${t('links.page.fileAction')}</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table>`,
    '</form>',
    `<p class="meta">${t('links.page.prefetchNote')}</p>`,
  ].join('\n');
}

/** The recipient's page: server-rendered, no script, no external resource, in the recipient's language. */
export function renderLinkPage(input: PageInput): string {
  const t = (key: StringKey): string => escapeHtml(translate(input.locale, key));
  const other: Locale = input.locale === 'ja' ? 'en' : 'ja';
  return [
    '<!doctype html>',
    `<html lang="${input.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${t('links.page.title')}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<p><a href="/d/${encodeURIComponent(input.token)}?lang=${other}" lang="${other}" hreflang="${other}">${t('links.page.language')}</a></p>`,
    `<h1>${t('links.page.heading')}</h1>`,
    noticeHtml(input.notice),
    input.page === null ? '' : body(input, input.page),
    `<footer>${t('links.page.footer')}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
