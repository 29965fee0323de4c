import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../policy/index.js';
import { findingParts } from '../finding-text.js';
import { usePaneText } from '../pane-text-context.js';
import { isTicked, type ReviewModel, type Ticks } from '../review-model.js';
import { TextWithAddresses } from './Address.js';
import { ChecklistCheckbox } from './ChecklistCheckbox.js';
import { LookalikeExplanation } from './LookalikeExplanation.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  plain: { overflowWrap: 'anywhere', paddingInlineStart: tokens.spacingHorizontalS },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingInlineStart: '36px' },
  detailPlain: { paddingInlineStart: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3 },
});

const COLOUR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  block: 'danger',
  confirm: 'warning',
  info: 'informative',
};

export interface FindingListProps {
  readonly model: ReviewModel;
  readonly ticks: Ticks;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
}

export function FindingList({ model, ticks, onTickedChange }: FindingListProps) {
  const styles = useStyles();
  const text = usePaneText();
  return (
    <section className={styles.section} aria-labelledby="preflight-findings-heading">
      <h2 id="preflight-findings-heading" className={styles.heading}>
        {text('pane.section.findings')}
      </h2>
      {model.findings.length === 0 ? <Text className={styles.empty}>{text('pane.finding.none')}</Text> : null}
      <ul className={styles.list}>
        {model.findings.map((row) => {
          const message =
            row.finding === null ? (
              text('pane.finding.unknown', { id: row.findingId })
            ) : (
              <TextWithAddresses parts={findingParts(text, row.finding)} />
            );
          return (
            <li key={row.findingId} className={styles.row}>
              {row.itemId === null ? (
                <Text className={styles.plain}>{message}</Text>
              ) : (
                <ChecklistCheckbox
                  itemId={row.itemId}
                  checked={isTicked(model, ticks, row.itemId)}
                  label={message}
                  onTickedChange={onTickedChange}
                />
              )}
              <div className={`${styles.detail} ${row.itemId === null ? styles.detailPlain : ''}`}>
                {row.finding !== null ? (
                  <span>
                    <Badge appearance="tint" color={COLOUR[row.finding.severity]} shape="rounded">
                      {text(`pane.severity.${row.finding.severity}`)}
                    </Badge>
                  </span>
                ) : null}
                {row.explanations.map((explanation) => (
                  <LookalikeExplanation
                    key={explanation.ascii}
                    explanation={explanation}
                    withSummary={row.finding?.rule !== 'lookalike-domain'}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
