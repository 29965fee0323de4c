import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { RecipientField } from '../../policy/index.js';
import { usePaneText } from '../pane-text-context.js';
import { isTicked, type DomainGroup, type ReviewModel, type Ticks } from '../review-model.js';
import { TextWithAddresses } from './Address.js';
import { ChecklistCheckbox } from './ChecklistCheckbox.js';
import { FindingBadges } from './FindingBadges.js';
import { RecipientRows } from './RecipientRow.js';

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
  // Lines up with the checkbox label, as the recipient rows' badges do.
  domainNote: { paddingInlineStart: '36px' },
  suspiciousNote: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface RecipientGroupProps {
  readonly group: DomainGroup;
  readonly model: ReviewModel;
  readonly ticks: Ticks;
  readonly busy: boolean;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
  readonly onRemove: (address: string, field: RecipientField) => void;
}

/**
 * The external recipients of one domain, headed by the domain as people read it and, when different, as it is
 * sent. With policy confirmPer "domain" the heading is the one checkbox for the whole domain.
 */
export function RecipientGroup({ group, model, ticks, busy, onTickedChange, onRemove }: RecipientGroupProps) {
  const styles = useStyles();
  const text = usePaneText();
  const count = group.recipients.length;
  const heading = group.lists ? (
    text('pane.group.lists', { count })
  ) : group.unicode === null ? (
    text('pane.group.unknownDomain', { count })
  ) : (
    <TextWithAddresses parts={text.parts('pane.group.domain', { domain: group.unicode, count })} />
  );
  const hintId = useId();
  const withCheckbox = group.itemId !== null;
  // A finding the domain item confirms shows as a badge on its row; one no row carries shows under the heading.
  const rowFindings = new Set(group.recipients.flatMap((row) => row.findings));
  const groupOnlyFindings = group.findings.filter((finding) => !rowFindings.has(finding) && finding.rule !== 'external-recipient');
  const noteClass = mergeClasses(styles.note, withCheckbox && styles.domainNote);
  return (
    <div className={mergeClasses(styles.group, group.suspicious && styles.suspicious)}>
      <h4 className={styles.heading}>
        {group.itemId === null ? (
          heading
        ) : (
          <ChecklistCheckbox
            itemId={group.itemId}
            checked={isTicked(model, ticks, group.itemId)}
            label={heading}
            describedBy={hintId}
            onTickedChange={onTickedChange}
          />
        )}
      </h4>
      {withCheckbox ? (
        <Text size={200} id={hintId} className={noteClass}>
          {text('pane.group.domainTickHint')}
        </Text>
      ) : null}
      {group.domain !== null && group.unicode !== group.domain ? (
        <Text size={200} className={mergeClasses(noteClass, group.suspicious && styles.suspiciousNote)}>
          <TextWithAddresses parts={text.parts('pane.group.punycode', { ascii: group.domain })} />
        </Text>
      ) : null}
      {groupOnlyFindings.length > 0 ? (
        <span className={noteClass}>
          <FindingBadges findings={groupOnlyFindings} />
        </span>
      ) : null}
      <RecipientRows rows={group.recipients} model={model} ticks={ticks} busy={busy} onTickedChange={onTickedChange} onRemove={onRemove} />
    </div>
  );
}
