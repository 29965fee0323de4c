import { Button, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular, QuestionRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { RecipientType } from '../../policy/index.js';
import type { ComposeMessage, RecipientEntry, WellField } from '../fake-office/compose-message.js';
import type { Directory } from '../fake-office/directory.js';
import { usePlaygroundText, type PlaygroundKey } from '../playground-text.js';
import { parseRecipientInput } from '../recipient-input.js';

const useStyles = makeStyles({
  line: { display: 'grid', gridTemplateColumns: '6.5rem 1fr', alignItems: 'start', gap: tokens.spacingHorizontalS },
  label: { paddingTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  external: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  unresolved: { textDecorationLine: 'underline', textDecorationStyle: 'dashed', opacity: 0.8 },
  type: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  entry: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', width: '100%' },
  input: { flexGrow: 1, minWidth: '16rem' },
});

const TYPE_CHOICES = ['auto', 'user', 'externalUser', 'distributionList', 'other'] as const;
type TypeChoice = (typeof TYPE_CHOICES)[number];

const FIELD_LABEL: Readonly<Record<WellField, PlaygroundKey>> = {
  to: 'playground.compose.to',
  cc: 'playground.compose.cc',
  bcc: 'playground.compose.bcc',
  resources: 'playground.meeting.resources',
};

interface Props {
  readonly field: WellField;
  /** A meeting calls To and Cc Required and Optional. */
  readonly label?: PlaygroundKey;
  readonly entries: readonly RecipientEntry[];
  readonly message: ComposeMessage;
  readonly directory: Directory;
  readonly disabled: boolean;
}

/** One recipient well: chips for what is on the message, a line to type more (unresolved until added). */
export function RecipientLine({ field, label, entries, message, directory, disabled }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [choice, setChoice] = useState<TypeChoice>('auto');
  const fieldName = text(label ?? FIELD_LABEL[field]);

  const add = (): void => {
    const typed = parseRecipientInput(draft);
    if (typed.length === 0) return;
    message.addRecipients(
      field,
      typed.map(({ address, name }) => ({
        address,
        name,
        type: choice === 'auto' ? directory.typeOf(address) : (choice as RecipientType),
        resolved: true,
      })),
    );
    setDraft('');
  };

  return (
    <div className={styles.line}>
      <label className={styles.label} htmlFor={inputId}>
        {fieldName}
      </label>
      <div className={styles.chips} data-testid={`compose-${field}`}>
        {entries.map((entry, index) => (
          <span
            key={`${index}-${entry.address}`}
            className={[styles.chip, entry.type === 'user' ? '' : styles.external].join(' ')}
            data-testid={`compose-${field}-recipient`}
            data-address={entry.address}
          >
            <span className={entry.resolved ? undefined : styles.unresolved}>
              {entry.name === entry.address ? entry.address : `${entry.name} <${entry.address}>`}
            </span>
            <span className={styles.type}>
              {text(entry.resolved ? `playground.type.${entry.type}` : 'playground.recipient.unresolved')}
            </span>
            <Button
              size="small"
              appearance="transparent"
              icon={entry.resolved ? <QuestionRegular /> : <CheckmarkRegular />}
              disabled={disabled}
              aria-label={text(entry.resolved ? 'playground.recipient.unresolve' : 'playground.recipient.resolve', {
                address: entry.address,
              })}
              onClick={() => message.setResolved(field, index, !entry.resolved)}
            />
            <Button
              size="small"
              appearance="transparent"
              icon={<DismissRegular />}
              disabled={disabled}
              aria-label={text('playground.recipient.remove', { address: entry.address, field: fieldName })}
              onClick={() => message.removeRecipientAt(field, index)}
            />
          </span>
        ))}
        <div className={styles.entry}>
          <Input
            id={inputId}
            className={styles.input}
            value={draft}
            disabled={disabled}
            placeholder={text('playground.recipient.placeholder')}
            aria-label={text('playground.recipient.input', { field: fieldName })}
            data-testid={`compose-${field}-input`}
            onChange={(_, data) => setDraft(data.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              add();
            }}
          />
          <Select
            value={choice}
            disabled={disabled}
            aria-label={text('playground.recipient.type', { field: fieldName })}
            data-testid={`compose-${field}-type`}
            onChange={(_, data) => setChoice(data.value as TypeChoice)}
          >
            {TYPE_CHOICES.map((type) => (
              <option key={type} value={type}>
                {text(`playground.type.${type}`)}
              </option>
            ))}
          </Select>
          <Button disabled={disabled || draft.trim() === ''} data-testid={`compose-${field}-add`} onClick={add}>
            {text('playground.recipient.add')}
          </Button>
        </div>
      </div>
    </div>
  );
}
