import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ControlNotes } from '../control-notes.js';
import { usePaneText } from '../pane-text-context.js';

/** One notice for what the organisation adds at Send, so nothing happens to the message unannounced. */
export function ControlsNotice({ notes }: { readonly notes: ControlNotes }) {
  const text = usePaneText();
  const lines = [
    ...(notes.bcc.length > 0 ? [text('pane.controls.bcc', { addresses: notes.bcc.join(', ') })] : []),
    ...(notes.holdMinutes > 0 ? [text('pane.controls.hold', { minutes: notes.holdMinutes })] : []),
    ...(notes.holdUnavailable ? [text('pane.controls.noHold')] : []),
  ];
  return (
    <MessageBar intent={notes.holdUnavailable ? 'warning' : 'info'} layout="multiline" data-testid="preflight-controls">
      <MessageBarBody>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
