import { makeStyles, tokens } from '@fluentui/react-components';
import type { DiffLine } from '../line-diff.js';

const useStyles = makeStyles({
  diff: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxHeight: '24rem',
  },
  added: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  removed: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

const MARKS = { same: ' ', added: '+', removed: '-' } as const;

/** The changed lines marked + and - (not by colour alone), with the unchanged lines around them. */
export function PolicyDiff({ diff }: { readonly diff: readonly DiffLine[] }) {
  const styles = useStyles();
  return (
    <pre className={styles.diff} data-testid="policy-diff">
      {diff.map((line, index) => (
        <div
          key={index}
          className={line.kind === 'added' ? styles.added : line.kind === 'removed' ? styles.removed : undefined}
          data-kind={line.kind}
        >
          {`${MARKS[line.kind]} ${line.text}`}
        </div>
      ))}
    </pre>
  );
}
