import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ActivePolicy } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { authorText, sourceText } from './PolicyHistory.js';
import { PathProblemList } from './PathProblemList.js';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** Who made the active version, when and why; and, when the policy file was refused, each problem with its path. */
export function ActiveVersion({ active, text }: { readonly active: ActivePolicy; readonly text: AdminText }) {
  const local = useStyles();
  const rows: [string, string][] = [
    [text('admin.policy.version'), String(active.version)],
    [text('admin.policy.by'), authorText(active, text)],
    [text('admin.policy.at'), text.time(active.createdAt)],
    [text('admin.policy.reason'), active.reason],
    [text('admin.policy.source'), sourceText(active, text)],
    [text('admin.policy.file'), text(`admin.policy.file.${active.file.status}`)],
  ];
  return (
    <>
      <dl className={local.fields} data-testid="policy-active">
        {rows.map(([label, value]) => (
          <div key={label} className={local.pair}>
            <dt>{label}</dt>
            <dd className={local.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {active.file.status === 'rejected' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="policy-file-rejected">
          <MessageBarBody>
            {text('admin.policy.fileRejected', { version: active.version })}
            <PathProblemList problems={active.file.problems} text={text} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
