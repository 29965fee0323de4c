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
  readonly onTickedChange: (itemId: string, ticked: boolean) => void;
}

/** One checklist item: a native checkbox (keyboard and screen readers for free) with a test id browser tests drive. */
export function ChecklistCheckbox({ itemId, checked, label, onTickedChange }: ChecklistCheckboxProps) {
  const styles = useStyles();
  return (
    <Checkbox
      data-testid={`preflight-item-${itemId}`}
      checked={checked}
      label={{ children: label, className: styles.label }}
      onChange={(_event, data) => onTickedChange(itemId, data.checked === true)}
    />
  );
}
