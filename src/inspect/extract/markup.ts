// Text out of XML and HTML without a DOM: the pane, the CLI and the core all run this.

const NAMED_ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['yen', '¥'],
  ['euro', '€'],
  ['pound', '£'],
  ['cent', '¢'],
  ['sect', '§'],
  ['para', '¶'],
  ['middot', '·'],
  ['times', '×'],
  ['divide', '÷'],
  ['minus', '\u2212'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hyphen', '\u2010'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['hellip', '\u2026'],
  ['bull', '\u2022'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['deg', '°'],
  ['plusmn', '±'],
  ['shy', '\u00ad'],
  ['zwj', '\u200d'],
  ['zwnj', '\u200c'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['commat', '@'],
  ['num', '#'],
  ['dollar', '$'],
  ['percnt', '%'],
  ['lpar', '('],
  ['rpar', ')'],
  ['period', '.'],
  ['comma', ','],
  ['colon', ':'],
  ['semi', ';'],
  ['excl', '!'],
  ['quest', '?'],
  ['sol', '/'],
  ['bsol', '\\'],
  ['equals', '='],
  ['plus', '+'],
  ['lowbar', '_'],
  ['Hat', '^'],
  ['grave', '`'],
  ['tilde', '~'],
  ['verbar', '|'],
  ['lcub', '{'],
  ['rcub', '}'],
  ['lsqb', '['],
  ['rsqb', ']'],
  ['dash', '\u2010'],
  ['horbar', '\u2015'],
]);

function fromCodePoint(codePoint: number): string | null {
  if (!Number.isFinite(codePoint) || codePoint < 1 || codePoint > 0x10ffff) return null;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return null;
  return String.fromCodePoint(codePoint);
}

const ENTITY = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

/** Decodes numeric and the common named character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return fromCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return fromCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'math']);
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'dt',
  'dd',
  'title',
  'address',
  'caption',
  'body',
]);
const CELL_ELEMENTS = new Set(['td', 'th']);

function tagName(html: string, start: number): string {
  let end = start;
  while (end < html.length && /[A-Za-z0-9-]/.test(html.charAt(end))) end += 1;
  return html.slice(start, end).toLowerCase();
}

/**
 * Visible text of an HTML document: scripts, styles and comments dropped, blocks on their own lines.
 * A hand-written scanner rather than regexes: each search starts where the last one ended, so hostile
 * markup (thousands of unclosed `<script`) stays linear.
 */
export function htmlToText(html: string): string {
  const pieces: string[] = [];
  let position = 0;
  while (position < html.length) {
    const lt = html.indexOf('<', position);
    if (lt < 0) {
      pieces.push(html.slice(position));
      break;
    }
    pieces.push(html.slice(position, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      position = end < 0 ? html.length : end + 3;
      pieces.push(' ');
      continue;
    }
    const closing = html.charAt(lt + 1) === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    const first = html.charAt(nameStart);
    const isTag = /[A-Za-z]/.test(first) || (!closing && (first === '!' || first === '?'));
    if (!isTag) {
      pieces.push('<');
      position = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', nameStart);
    if (gt < 0) {
      pieces.push(html.slice(lt));
      break;
    }
    position = gt + 1;
    if (first === '!' || first === '?') continue;
    const name = tagName(html, nameStart);
    if (!closing && SKIPPED_ELEMENTS.has(name) && html.charAt(gt - 1) !== '/') {
      const closer = new RegExp('</' + name + '\\s*>', 'gi');
      closer.lastIndex = position;
      const found = closer.exec(html);
      position = found === null ? html.length : found.index + found[0].length;
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) pieces.push('\n');
    else if (CELL_ELEMENTS.has(name)) pieces.push('\t');
  }
  return collapseBlankLines(decodeEntities(pieces.join('')));
}

function collapseBlankLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The charset a document declares in its first bytes (`<meta charset>`, http-equiv or the XML declaration). */
export function declaredCharset(head: string): string | undefined {
  const match =
    /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return match?.[1];
}
