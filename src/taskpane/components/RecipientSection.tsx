import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonArrowRight20Regular } from '@fluentui/react-icons';
import { useRef } from 'react';
import type { RecipientField } from '../../policy/index.js';
import { usePaneText } from '../pane-text-context.js';
import { internalItemIds, isTicked, type ReviewModel, type Ticks } from '../review-model.js';
import { RecipientGroup } from './RecipientGroup.js';
import { RecipientRows } from './RecipientRow.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  bcc: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface RecipientSectionProps {
  readonly model: ReviewModel;
  readonly ticks: Ticks;
  readonly busy: boolean;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
  readonly onTickAll: (itemIds: readonly string[], ticked: boolean) => void;
  readonly onRemove: (address: string, field: RecipientField) => void;
  readonly onMoveToBcc: () => void;
}

export function RecipientSection(props: RecipientSectionProps) {
  const { model, ticks, busy, onTickedChange, onTickAll, onRemove, onMoveToBcc } = props;
  const styles = useStyles();
  const text = usePaneText();
  const externalCount = model.external.reduce((sum, group) => sum + group.recipients.length, 0);
  const internalIds = internalItemIds(model);
  const tickedInternal = internalIds.filter((itemId) => isTicked(model, ticks, itemId)).length;
  // The row or button pressed goes away once the change lands; keyboard users continue from the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const remove = (address: string, field: RecipientField) => {
    heading.current?.focus();
    onRemove(address, field);
  };
  const moveToBcc = () => {
    heading.current?.focus();
    onMoveToBcc();
  };
  return (
    <section className={styles.section} aria-labelledby="preflight-recipients-heading">
      <h2 id="preflight-recipients-heading" className={styles.heading} ref={heading} tabIndex={-1}>
        {text('pane.section.recipients')}
      </h2>
      {externalCount === 0 && model.internal.length === 0 ? <Text className={styles.empty}>{text('pane.group.noRecipients')}</Text> : null}
      {externalCount > 0 || model.external.some((group) => group.itemId !== null) ? (
        <>
          <h3 className={styles.subheading}>{text('pane.group.external', { count: externalCount })}</h3>
          {model.moveToBcc.length > 0 ? (
            <div className={styles.bcc}>
              <Text size={200} className={styles.hint}>
                {text('pane.action.moveToBccHint', { count: model.moveToBcc.length })}
              </Text>
              <Button data-testid="preflight-move-to-bcc" icon={<PersonArrowRight20Regular />} disabledFocusable={busy} onClick={moveToBcc}>
                {text('pane.action.moveToBcc')}
              </Button>
            </div>
          ) : null}
          {model.external.map((group) => (
            <RecipientGroup
              key={group.lists ? 'lists' : (group.domain ?? '')}
              group={group}
              model={model}
              ticks={ticks}
              busy={busy}
              onTickedChange={onTickedChange}
              onRemove={remove}
            />
          ))}
        </>
      ) : null}
      {model.internal.length > 0 ? (
        <>
          <h3 className={styles.subheading}>{text('pane.group.internal', { count: model.internal.length })}</h3>
          {internalIds.length > 1 ? (
            <Checkbox
              checked={tickedInternal === internalIds.length ? true : tickedInternal > 0 ? 'mixed' : false}
              label={text('pane.internal.tickAll')}
              onChange={(_event, data) => onTickAll(internalIds, data.checked === true)}
            />
          ) : null}
          <RecipientRows rows={model.internal} model={model} ticks={ticks} busy={busy} onTickedChange={onTickedChange} onRemove={remove} />
        </>
      ) : null}
    </section>
  );
}
