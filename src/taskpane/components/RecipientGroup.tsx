import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RecipientField } from '../../policy/index.js';
import { usePaneText } from '../pane-text-context.js';
import { isTicked, type DomainGroup, type ReviewModel, type Ticks } from '../review-model.js';
import { TextWithAddresses } from './Address.js';
import { RecipientRow } from './RecipientRow.js';

const useStyles = makeStyles({
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  suspicious: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  note: { display: 'block', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  suspiciousNote: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
});

export interface RecipientGroupProps {
  readonly group: DomainGroup;
  readonly model: ReviewModel;
  readonly ticks: Ticks;
  readonly busy: boolean;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
  readonly onRemove: (address: string, field: RecipientField) => void;
}

/** The external recipients of one domain, headed by the domain as people read it and, when different, as it is sent. */
export function RecipientGroup({ group, model, ticks, busy, onTickedChange, onRemove }: RecipientGroupProps) {
  const styles = useStyles();
  const text = usePaneText();
  const count = group.recipients.length;
  const heading =
    group.unicode === null ? (
      text('pane.group.unknownDomain', { count })
    ) : (
      <TextWithAddresses parts={text.parts('pane.group.domain', { domain: group.unicode, count })} />
    );
  return (
    <div className={mergeClasses(styles.group, group.suspicious && styles.suspicious)}>
      <h4 className={styles.heading}>{heading}</h4>
      {group.domain !== null && group.unicode !== group.domain ? (
        <Text size={200} className={mergeClasses(styles.note, group.suspicious && styles.suspiciousNote)}>
          <TextWithAddresses parts={text.parts('pane.group.punycode', { ascii: group.domain })} />
        </Text>
      ) : null}
      <ul className={styles.list}>
        {group.recipients.map((row) => (
          <RecipientRow
            key={row.key}
            row={row}
            ticked={row.itemId !== null && isTicked(model, ticks, row.itemId)}
            busy={busy}
            onTickedChange={onTickedChange}
            onRemove={onRemove}
          />
        ))}
      </ul>
    </div>
  );
}
