import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { toUnicodeDomain, type RecipientField, type RuleId } from '../../policy/index.js';
import { findingParts } from '../finding-text.js';
import { usePaneText } from '../pane-text-context.js';
import { isTicked, type RecipientRow as Row, type ReviewModel, type Ticks } from '../review-model.js';
import { Address, TextWithAddresses } from './Address.js';
import { ChecklistCheckbox } from './ChecklistCheckbox.js';
import { FindingBadges } from './FindingBadges.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  plain: { overflowWrap: 'anywhere', paddingInlineStart: tokens.spacingHorizontalS },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    paddingInlineStart: '36px',
  },
  metaPlain: { paddingInlineStart: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, paddingInlineStart: '36px' },
  notePlain: { paddingInlineStart: tokens.spacingHorizontalS },
  remove: { flexShrink: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
});

/**
 * Findings that have no line of their own in "What Preflight found" (src/policy/checklist.ts links them to
 * the recipient's row): their whole message is shown under the address, or it would be shown nowhere.
 */
const ROW_NOTE_RULES: readonly RuleId[] = ['first-time-recipient'];

export interface RecipientRowProps {
  readonly row: Row;
  readonly ticked: boolean;
  readonly busy: boolean;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
  readonly onRemove: (address: string, field: RecipientField) => void;
}

export function RecipientRow({ row, ticked, busy, onTickedChange, onRemove }: RecipientRowProps) {
  const styles = useStyles();
  const text = usePaneText();
  const label =
    row.name !== undefined && row.name !== '' && row.name !== row.address ? (
      <TextWithAddresses parts={text.parts('pane.recipient.withName', { name: row.name, address: row.address })} />
    ) : (
      <Address value={row.address} />
    );
  const field = text(`pane.field.${row.field}`);
  // The mailing-list finding's badge already says what the type badge would.
  const listFinding = row.findings.some((finding) => finding.rule === 'mailing-list');
  return (
    <li className={styles.row}>
      <div className={styles.main}>
        {row.itemId === null ? (
          <Text className={styles.plain}>{label}</Text>
        ) : (
          <ChecklistCheckbox itemId={row.itemId} checked={ticked} label={label} onTickedChange={onTickedChange} />
        )}
        <span className={`${styles.meta} ${row.itemId === null ? styles.metaPlain : ''}`}>
          <Badge appearance="outline" color="informative" shape="rounded">
            {field}
          </Badge>
          {row.type === 'distributionList' && !listFinding ? (
            <Badge appearance="outline" color="warning" shape="rounded">
              {text('pane.recipient.list')}
            </Badge>
          ) : null}
          {row.type === 'other' && !listFinding ? (
            <Badge appearance="outline" color="warning" shape="rounded">
              {text('pane.recipient.unknownType')}
            </Badge>
          ) : null}
          <FindingBadges findings={row.findings.filter((finding) => finding.rule !== 'external-recipient')} />
        </span>
        {row.findings
          .filter((finding) => ROW_NOTE_RULES.includes(finding.rule))
          .map((finding) => (
            <Text
              key={finding.id}
              size={200}
              className={`${styles.note} ${row.itemId === null ? styles.notePlain : ''}`}
              data-testid="preflight-row-note"
            >
              <TextWithAddresses parts={findingParts(text, finding)} />
            </Text>
          ))}
        {row.outsideDomains === undefined ? null : (
          <Text size={200} className={`${styles.note} ${row.itemId === null ? styles.notePlain : ''}`} data-testid="preflight-list-reach">
            {row.outsideDomains.length === 0
              ? text('pane.recipient.unknownListOutside')
              : text('pane.recipient.listOutside', { domains: row.outsideDomains.map(toUnicodeDomain).join(', ') })}
          </Text>
        )}
      </div>
      <Button
        className={styles.remove}
        size="small"
        appearance={row.removalSuggested ? 'primary' : 'subtle'}
        icon={<Delete20Regular />}
        disabledFocusable={busy}
        aria-label={text('pane.recipient.removeLabel', { address: row.address, field })}
        onClick={() => onRemove(row.address, row.field)}
      >
        {text('pane.recipient.remove')}
      </Button>
    </li>
  );
}

export interface RecipientRowsProps extends Omit<RecipientRowProps, 'row' | 'ticked'> {
  readonly rows: readonly Row[];
  readonly model: ReviewModel;
  readonly ticks: Ticks;
}

/** A group's or the internal section's rows, each ticked as the model and the user's ticks say. */
export function RecipientRows({ rows, model, ticks, busy, onTickedChange, onRemove }: RecipientRowsProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {rows.map((row) => (
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
  );
}
