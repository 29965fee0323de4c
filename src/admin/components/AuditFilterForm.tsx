import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { AUDIT_DECISIONS, AUDIT_EVENT_KINDS } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { AUDIT_LIMITS, EMPTY_AUDIT_FORM, type AuditForm } from '../audit-form.js';
import { usePageStyles } from './styles.js';

export interface AuditFilterFormProps {
  readonly text: AdminText;
  readonly initial: AuditForm;
  apply(form: AuditForm): void;
}

/** The filters apply on Apply (or Enter), not on each keystroke: each read is a database query. */
export function AuditFilterForm({ text, initial, apply }: AuditFilterFormProps) {
  const styles = usePageStyles();
  const [form, setForm] = useState<AuditForm>(initial);
  const set = (name: keyof AuditForm) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((before) => ({ ...before, [name]: name === 'limit' ? Number(value) : value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form);
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={text('admin.filter.heading')} data-testid="audit-filter">
      <Field label={text('admin.filter.user')} className={styles.field}>
        <Input value={form.user} onChange={set('user')} type="search" data-testid="audit-filter-user" />
      </Field>
      <Field label={text('admin.filter.decision')} className={styles.field}>
        <Select value={form.decision} onChange={set('decision')} data-testid="audit-filter-decision">
          <option value="">{text('admin.filter.any')}</option>
          {AUDIT_DECISIONS.map((decision) => (
            <option key={decision} value={decision}>
              {text.label('admin.decision', decision)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('admin.filter.rule')} className={styles.field}>
        <Input value={form.rule} onChange={set('rule')} data-testid="audit-filter-rule" />
      </Field>
      <Field label={text('admin.filter.kind')} className={styles.field}>
        <Select value={form.kind} onChange={set('kind')} data-testid="audit-filter-kind">
          <option value="">{text('admin.filter.any')}</option>
          {AUDIT_EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {text.label('admin.kind', kind)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text('admin.filter.from')}>
        <Input type="date" value={form.from} onChange={set('from')} data-testid="audit-filter-from" />
      </Field>
      <Field label={text('admin.filter.to')}>
        <Input type="date" value={form.to} onChange={set('to')} data-testid="audit-filter-to" />
      </Field>
      <Field label={text('admin.filter.limit')}>
        <Select value={String(form.limit)} onChange={set('limit')} data-testid="audit-filter-limit">
          {AUDIT_LIMITS.map((limit) => (
            <option key={limit} value={limit}>
              {text.number(limit)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" data-testid="audit-filter-apply">
          {text('admin.filter.apply')}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setForm(EMPTY_AUDIT_FORM);
            apply(EMPTY_AUDIT_FORM);
          }}
        >
          {text('admin.filter.clear')}
        </Button>
      </div>
    </form>
  );
}
