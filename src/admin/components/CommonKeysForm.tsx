import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminText } from '../admin-text.js';
import { useEffect, useState } from 'react';
import { normalisedField, type CommonKeys } from '../common-keys.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalL },
});

export interface CommonKeysFormProps {
  readonly keys: CommonKeys;
  readonly text: AdminText;
  change(key: keyof CommonKeys, value: string): void;
}

type LineKey = 'internalDomains' | 'trustedDomains' | 'keywords';

/**
 * A one-item-a-line field. It keeps its own text, so a new empty line survives until something is typed on
 * it, and takes the draft's value only when the draft says something else (an edit in the JSON editor).
 */
function LinesField({ name, value, text, change }: { readonly name: LineKey; readonly value: string; readonly text: AdminText; change(key: LineKey, value: string): void }) {
  const [local, setLocal] = useState(value);
  useEffect(() => {
    setLocal((before) => (normalisedField(name, before) === value ? before : value));
  }, [name, value]);
  return (
    <Field label={text(`admin.policy.key.${name}`)} hint={text(name === 'keywords' ? 'admin.policy.key.keywordsHint' : 'admin.policy.key.linesHint')}>
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
export function CommonKeysForm({ keys, text, change }: CommonKeysFormProps) {
  const styles = useStyles();
  const area = (key: LineKey) => <LinesField name={key} value={keys[key]} text={text} change={change} />;
  return (
    <div className={styles.grid} data-testid="policy-common-keys">
      {area('internalDomains')}
      {area('trustedDomains')}
      {area('keywords')}
      <Field label={text('admin.policy.key.bccSuggestThreshold')}>
        <Input type="number" min={0} value={keys.bccSuggestThreshold} onChange={(event) => change('bccSuggestThreshold', event.currentTarget.value)} data-testid="policy-key-bccSuggestThreshold" />
      </Field>
      <Field label={text('admin.policy.key.onError')}>
        <Select value={keys.onError} onChange={(event) => change('onError', event.currentTarget.value)} data-testid="policy-key-onError">
          <option value="allow">{text('admin.policy.key.onError.allow')}</option>
          <option value="block">{text('admin.policy.key.onError.block')}</option>
        </Select>
      </Field>
    </div>
  );
}
