import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../policy/index.js';
import { usePaneText } from '../pane-text-context.js';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const COLOUR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  block: 'danger',
  confirm: 'warning',
  info: 'informative',
};

/** A short label per finding next to the row it is about; the full explanation is in the findings list. */
export function FindingBadges({ findings }: { readonly findings: readonly Finding[] }) {
  const styles = useStyles();
  const text = usePaneText();
  if (findings.length === 0) return null;
  const rules = [...new Map(findings.map((finding) => [finding.rule, finding])).values()];
  return (
    <span className={styles.badges}>
      {rules.map((finding) => (
        <Badge key={finding.rule} appearance="tint" color={COLOUR[finding.severity]} shape="rounded">
          {text(`pane.rule.${finding.rule}`)}
        </Badge>
      ))}
    </span>
  );
}
