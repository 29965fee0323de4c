import type { ReactNode } from 'react';
import { parseAlertMarkdown, type Block, type Inline } from '../alert-markdown.js';

/** errorMessageMarkdown as Outlook renders it; everything comes out as text nodes, never as HTML. */
export function AlertMarkdown({ source }: { readonly source: string }) {
  return <>{parseAlertMarkdown(source).map(renderBlock)}</>;
}

function renderBlock(block: Block, index: number): ReactNode {
  if (block.kind === 'paragraph') {
    return (
      <p key={index}>
        {block.lines.map((line, lineIndex) => (
          <span key={lineIndex}>
            {lineIndex > 0 ? <br /> : null}
            {renderInlines(line)}
          </span>
        ))}
      </p>
    );
  }
  const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{renderInlines(item)}</li>);
  return block.kind === 'numbered' ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
}

function renderInlines(inlines: readonly Inline[]): ReactNode[] {
  return inlines.map((inline, index) => {
    switch (inline.kind) {
      case 'text':
        return <span key={index}>{inline.text}</span>;
      case 'strong':
        return <strong key={index}>{renderInlines(inline.children)}</strong>;
      case 'emphasis':
        return <em key={index}>{renderInlines(inline.children)}</em>;
      case 'link':
        return (
          <a key={index} href={inline.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(inline.children)}
          </a>
        );
      default:
        return null;
    }
  });
}
