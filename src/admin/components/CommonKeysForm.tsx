import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminText } from '../admin-text.js';
import { useEffect, useState } from 'react';
import { normalisedField, problemsOfKey, type CommonKeys } from '../common-keys.js';
import type { PolicyProblem } from '../../policy/index.js';

// Each field spans four rows of the grid (label, control, validation message, hint) and shares them with
// the fields beside it, so a label that wraps to a second line does not push its control below theirs.
// Subgrid: https://developer.mozilla.org/docs/Web/CSS/CSS_grid_layout/Subgrid
const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: 0,
  },
  // A short label stands just above its control; a control keeps its own height in a taller row.
  field: {
    gridRow: 'span 4',
    gridTemplateRows: 'subgrid',
    rowGap: 0,
    alignItems: 'start',
    marginBottom: tokens.spacingVerticalL,
    '& > label': { alignSelf: 'end' },
  },
});

export interface CommonKeysFormProps {
  readonly keys: CommonKeys;
  readonly text: AdminText;
  /** The draft's problems: each field shows those under its key, with their paths. */
  readonly problems: readonly PolicyProblem[];
  change(key: keyof CommonKeys, value: string): void;
}

/** A field's problems as Fluent shows a validation message: each path, then what is wrong there. */
function validation(problems: readonly PolicyProblem[], key: keyof CommonKeys, text: AdminText) {
  const mine = problemsOfKey(problems, key);
  return mine.length === 0
    ? {}
    : {
        validationState: 'error' as const,
        validationMessage: mine.map((problem) => `${problem.path}: ${text.problem(problem)}`).join('; '),
      };
}

type LineKey = 'internalDomains' | 'trustedDomains' | 'blockedRecipients' | 'attentionRecipients' | 'keywords';

/**
 * A one-item-a-line field. It keeps its own text, so a new empty line survives until something is typed on
 * it, and takes the draft's value only when the draft says something else (an edit in the JSON editor).
 */
interface LinesFieldProps {
  readonly name: LineKey;
  readonly value: string;
  readonly text: AdminText;
  readonly problems: readonly PolicyProblem[];
  readonly className: string;
  change(key: LineKey, value: string): void;
}

function LinesField({ name, value, text, problems, change, className }: LinesFieldProps) {
  const [local, setLocal] = useState(value);
  useEffect(() => {
    setLocal((before) => (normalisedField(name, before) === value ? before : value));
  }, [name, value]);
  return (
    <Field
      className={className}
      label={text(`admin.policy.key.${name}`)}
      hint={text(name === 'keywords' ? 'admin.policy.key.keywordsHint' : 'admin.policy.key.linesHint')}
      {...validation(problems, name, text)}
    >
      <Textarea
        value={local}
        onChange={(event) => {
          setLocal(event.currentTarget.value);
          change(name, event.currentTarget.value);
        }}
        rows={4}
        data-testid={`policy-key-${name}`}
      />
    </Field>
  );
}

/** Each change rewrites the draft in the editor above, where its problems and diff show at once. */
export function CommonKeysForm({ keys, text, problems, change }: CommonKeysFormProps) {
  const styles = useStyles();
  const area = (key: LineKey) => (
    <LinesField name={key} value={keys[key]} text={text} problems={problems} change={change} className={styles.field} />
  );
  return (
    <div className={styles.grid} data-testid="policy-common-keys">
      {area('internalDomains')}
      {area('trustedDomains')}
      {area('blockedRecipients')}
      {area('attentionRecipients')}
      {area('keywords')}
      <Field
        className={styles.field}
        label={text('admin.policy.key.bccSuggestThreshold')}
        {...validation(problems, 'bccSuggestThreshold', text)}
        data-testid="policy-field-bccSuggestThreshold"
      >
        <Input
          type="number"
          min={0}
          value={keys.bccSuggestThreshold}
          onChange={(event) => change('bccSuggestThreshold', event.currentTarget.value)}
          data-testid="policy-key-bccSuggestThreshold"
        />
      </Field>
      <Field className={styles.field} label={text('admin.policy.key.onError')} {...validation(problems, 'onError', text)}>
        <Select value={keys.onError} onChange={(event) => change('onError', event.currentTarget.value)} data-testid="policy-key-onError">
          <option value="allow">{text('admin.policy.key.onError.allow')}</option>
          <option value="block">{text('admin.policy.key.onError.block')}</option>
        </Select>
      </Field>
    </div>
  );
}
