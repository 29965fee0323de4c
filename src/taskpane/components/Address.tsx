import { makeStyles } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { TextPart } from '../../i18n/translate.js';
import { addressPieces, textRuns } from '../address-lines.js';

// From this length a piece may be wider than what is left beside a checkbox and a button in a narrow pane.
const LONG_PIECE = 20;

const useStyles = makeStyles({
  // No line breaks inside a piece (not after a hyphen, not before `>`); the <wbr> between pieces are the only
  // places a line may end (https://developer.mozilla.org/en-US/docs/Web/HTML/Element/wbr).
  piece: { whiteSpace: 'nowrap' },
  // Still one unit that moves to the next line whole, but inside it may wrap once it is wider than a whole
  // line, rather than spill out of the pane (https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap).
  long: { display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere' },
});

export interface AddressProps {
  /** The address or domain; or pieces from address-lines.ts, brackets and punctuation included. */
  readonly value: string | readonly string[];
  /** How to show a piece's characters (the look-alike explanation marks some); as plain text otherwise. */
  readonly render?: (piece: string) => ReactNode;
}

/** An address or domain, which wraps only after `@`, dots and spaces: the one way the pane shows addresses. */
export function Address({ value, render }: AddressProps) {
  const styles = useStyles();
  const pieces = typeof value === 'string' ? addressPieces(value) : value;
  return (
    <span data-testid="preflight-address">
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          <span className={[...piece].length > LONG_PIECE ? styles.long : styles.piece}>{render ? render(piece) : piece}</span>
        </Fragment>
      ))}
    </span>
  );
}

/** A translated text (PaneText.parts) with each address or domain in it shown by Address. */
export function TextWithAddresses({ parts }: { readonly parts: readonly TextPart[] }) {
  return (
    <>
      {textRuns(parts).map((run, index) =>
        run.kind === 'text' ? <Fragment key={index}>{run.text}</Fragment> : <Address key={index} value={run.pieces} />,
      )}
    </>
  );
}
