// The Markdown subset Smart Alerts renders in errorMessageMarkdown (Mailbox 1.15): bold, italic, `-`/`*`
// bullets and `1.` items each ending in \r, https links, \n\n between paragraphs, `\` escapes
// (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events). Anything else stays literal text, as Outlook shows it.

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly kind: 'bullets' | 'numbered'; readonly items: readonly (readonly Inline[])[] };

const BULLET = /^[-*] +/;
const NUMBERED = /^\d+\. +/;
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '#', '`', '~', '<', '>', '-', '.', '!', '+']);

export function parseAlertMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.split(/\n{2,}/)) {
    let paragraph: Inline[][] = [];
    let list: { kind: 'bullets' | 'numbered'; items: Inline[][] } | null = null;
    const flushParagraph = (): void => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
      paragraph = [];
    };
    const flushList = (): void => {
      if (list !== null) blocks.push(list);
      list = null;
    };
    for (const rawLine of chunk.split(/\r\n?|\n/)) {
      const line = rawLine.trim();
      if (line === '') continue;
      const kind = BULLET.test(line) ? 'bullets' : NUMBERED.test(line) ? 'numbered' : null;
      if (kind === null) {
        flushList();
        paragraph.push(parseInline(line));
        continue;
      }
      flushParagraph();
      if (list !== null && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push(parseInline(line.replace(kind === 'bullets' ? BULLET : NUMBERED, '')));
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

export function parseInline(text: string): Inline[] {
  return parseRun(text, 0, null).nodes;
}

interface Run {
  readonly nodes: Inline[];
  /** Index just after the closing delimiter, or -1 when the text ended first. */
  readonly end: number;
}

const EMPHASIS_OPENERS = ['**', '*', '_'] as const;

function parseRun(text: string, start: number, closer: string | null): Run {
  const nodes: Inline[] = [];
  let buffer = '';
  const pushText = (): void => {
    if (buffer !== '') nodes.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let index = start;
  while (index < text.length) {
    if (closer !== null && text.startsWith(closer, index)) {
      pushText();
      return { nodes, end: index + closer.length };
    }
    const char = text.charAt(index);
    if (char === '\\' && index + 1 < text.length && ESCAPABLE.has(text.charAt(index + 1))) {
      buffer += text.charAt(index + 1);
      index += 2;
      continue;
    }
    const link = char === '[' ? parseLink(text, index) : null;
    if (link !== null) {
      pushText();
      nodes.push(link.node);
      index = link.end;
      continue;
    }
    const opener = EMPHASIS_OPENERS.find((candidate) => text.startsWith(candidate, index) && candidate !== closer);
    if (opener !== undefined) {
      const inner = parseRun(text, index + opener.length, opener);
      if (inner.end !== -1 && inner.nodes.length > 0) {
        pushText();
        nodes.push({ kind: opener === '**' ? 'strong' : 'emphasis', children: inner.nodes });
        index = inner.end;
        continue;
      }
      buffer += opener;
      index += opener.length;
      continue;
    }
    buffer += char;
    index += 1;
  }
  pushText();
  return { nodes, end: closer === null ? text.length : -1 };
}

function parseLink(text: string, start: number): { node: Inline; end: number } | null {
  const label = parseRun(text, start + 1, ']');
  if (label.end === -1 || text.charAt(label.end) !== '(') return null;
  const close = text.indexOf(')', label.end + 1);
  if (close === -1) return null;
  const href = text.slice(label.end + 1, close).trim();
  // Smart Alerts renders https links only.
  if (!/^https:\/\/[^\s]+$/i.test(href)) return null;
  return { node: { kind: 'link', href, children: label.nodes }, end: close + 1 };
}
