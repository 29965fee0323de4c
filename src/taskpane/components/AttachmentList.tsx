import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeSize } from '../../i18n/format-size.js';
import { usePaneText } from '../pane-text-context.js';
import { isTicked, type ReviewModel, type Ticks } from '../review-model.js';
import { ChecklistCheckbox } from './ChecklistCheckbox.js';
import { FindingBadges } from './FindingBadges.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  plain: { overflowWrap: 'anywhere', paddingInlineStart: tokens.spacingHorizontalS },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingInlineStart: '36px' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface AttachmentListProps {
  readonly model: ReviewModel;
  readonly ticks: Ticks;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
}

export function AttachmentList({ model, ticks, onTickedChange }: AttachmentListProps) {
  const styles = useStyles();
  const text = usePaneText();
  const numbers = new Intl.NumberFormat(text.locale);
  return (
    <section className={styles.section} aria-labelledby="preflight-attachments-heading">
      <h2 id="preflight-attachments-heading" className={styles.heading}>
        {text('pane.section.attachments')}
      </h2>
      {model.attachments.length === 0 ? <Text className={styles.empty}>{text('pane.attachment.none')}</Text> : null}
      <ul className={styles.list}>
        {model.attachments.map((row) => {
          const size = describeSize(row.size);
          const label = text('pane.attachment.label', {
            name: row.name,
            size: text(size.key, { value: numbers.format(size.value) }),
          });
          const hasMeta = row.inline || row.findings.length > 0;
          return (
            <li key={row.key} className={styles.row}>
              {row.itemId === null ? (
                <Text className={styles.plain}>{label}</Text>
              ) : (
                <ChecklistCheckbox
                  itemId={row.itemId}
                  checked={isTicked(model, ticks, row.itemId)}
                  label={label}
                  onTickedChange={onTickedChange}
                />
              )}
              {hasMeta ? (
                <span className={styles.meta}>
                  {row.inline ? (
                    <Badge appearance="outline" color="informative" shape="rounded">
                      {text('pane.attachment.inline')}
                    </Badge>
                  ) : null}
                  <FindingBadges findings={row.findings} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
