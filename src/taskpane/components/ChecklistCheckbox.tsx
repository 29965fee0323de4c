import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Fluent greys an unticked label; here it is the thing to read, not a disabled option.
  label: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
});

export interface ChecklistCheckboxProps {
  readonly itemId: string;
  readonly checked: boolean;
  readonly label: ReactNode;
  /** Id of text that says what the tick covers, when the label alone does not (a whole domain). */
  readonly describedBy?: string;
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
}

/** One checklist item: a native checkbox (keyboard and screen readers for free) with a test id browser tests drive. */
export function ChecklistCheckbox({ itemId, checked, label, describedBy, onTickedChange }: ChecklistCheckboxProps) {
  const styles = useStyles();
  return (
    <Checkbox
      data-testid={`preflight-item-${itemId}`}
      checked={checked}
      aria-describedby={describedBy}
      label={{ children: label, className: styles.label }}
      onChange={(_event, data) => onTickedChange(itemId, data.checked === true)}
    />
  );
}
