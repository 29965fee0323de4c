import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../policy/index.js';
import { findingParts } from '../finding-text.js';
import { usePaneText } from '../pane-text-context.js';
import { TextWithAddresses } from './Address.js';

const useStyles = makeStyles({
  reasons: { margin: 0, marginBlock: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Why the message cannot go as it is, and what the user can do about it. */
export function BlockExplanation({ findings }: { readonly findings: readonly Finding[] }) {
  const styles = useStyles();
  const text = usePaneText();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text('pane.block.reasons')}</MessageBarTitle>
        <ul className={styles.reasons}>
          {findings.map((finding) => (
            <li key={finding.id}>
              <TextWithAddresses parts={findingParts(text, finding)} />
            </li>
          ))}
        </ul>
        <Text>{text('pane.block.fix')}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
