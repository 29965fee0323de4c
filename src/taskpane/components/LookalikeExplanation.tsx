import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { scriptName } from '../../i18n/script-name.js';
import type { DomainExplanation } from '../domain-explanation.js';
import { usePaneText } from '../pane-text-context.js';
import { Address, TextWithAddresses } from './Address.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  forms: { display: 'flex', flexDirection: 'column', margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: {
    margin: 0,
    marginBlockEnd: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase400,
    overflowWrap: 'anywhere',
  },
  mark: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: '1px',
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXXS },
  cell: {
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInlineEnd: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  char: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400 },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface LookalikeExplanationProps {
  readonly explanation: DomainExplanation;
  /** False under a look-alike finding, whose own message already says what the domain imitates. */
  readonly withSummary: boolean;
}

/** The domain as shown and as sent, with each character that is not what it seems. */
export function LookalikeExplanation({ explanation, withSummary }: LookalikeExplanationProps) {
  const styles = useStyles();
  const text = usePaneText();
  const { ascii, unicode, imitates, imitatesSource, reasons, suspiciousCharacters } = explanation;
  const suspicious = new Set(suspiciousCharacters.map((character) => character.char));
  const imitatesParams = { imitates: imitates ?? '' };
  const summary =
    imitates === null
      ? []
      : [
          ...(withSummary ? [text.parts('pane.lookalike.summary', { domain: unicode, imitates })] : []),
          ...(imitatesSource === 'internal' ? [text.parts('pane.lookalike.imitatesInternal', imitatesParams)] : []),
          ...(imitatesSource === 'trusted' ? [text.parts('pane.lookalike.imitatesTrusted', imitatesParams)] : []),
        ];
  return (
    <div className={styles.box}>
      {summary.length > 0 ? (
        <Text weight="semibold">
          <TextWithAddresses parts={summary.flatMap((parts, index) => (index === 0 ? parts : [{ text: ' ' }, ...parts]))} />
        </Text>
      ) : null}
      <dl className={styles.forms}>
        <dt className={styles.term}>{text('pane.lookalike.unicode')}</dt>
        <dd className={styles.value}>
          <Address
            value={unicode}
            render={(piece) =>
              [...piece].map((char, index) =>
                suspicious.has(char) ? (
                  <mark key={index} className={styles.mark}>
                    {char}
                  </mark>
                ) : (
                  char
                ),
              )
            }
          />
        </dd>
        {ascii !== unicode ? (
          <>
            <dt className={styles.term}>{text('pane.lookalike.ascii')}</dt>
            <dd className={styles.value}>
              <Address value={ascii} />
            </dd>
          </>
        ) : null}
      </dl>
      {suspiciousCharacters.length > 0 ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{text('pane.lookalike.characters')}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {text('pane.lookalike.character')}
              </th>
              <th scope="col" className={styles.cell}>
                {text('pane.lookalike.codePoint')}
              </th>
              <th scope="col" className={styles.cell}>
                {text('pane.lookalike.script')}
              </th>
            </tr>
          </thead>
          <tbody>
            {suspiciousCharacters.map((character) => (
              <tr key={`${character.index}-${character.codePoint}`}>
                <td className={`${styles.cell} ${styles.char}`}>{character.char}</td>
                <td className={styles.cell}>{character.codePoint}</td>
                <td className={styles.cell}>{scriptName(text.locale, character.script)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <Text weight="semibold">{text('pane.lookalike.why')}</Text>
          <ul className={styles.reasons}>
            {reasons.map((reason) => (
              <li key={reason}>
                <Text>
                  <TextWithAddresses parts={text.parts(`pane.lookalike.reason.${reason}`, imitatesParams)} />
                </Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
