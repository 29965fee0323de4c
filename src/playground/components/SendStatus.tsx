import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { usePlaygroundText } from '../playground-text.js';
import type { SendPhase } from '../send-flow.js';

/** Outlook's notice while a Smart Alerts add-in checks the message, and the one after 5 seconds. */
export function SendStatus({ phase }: { readonly phase: SendPhase }) {
  const text = usePlaygroundText();
  return (
    <div role="status" aria-live="polite">
      {phase.kind === 'checking' ? (
        <MessageBar intent="info" data-testid="playground-checking">
          <MessageBarBody>
            <Spinner size="extra-tiny" labelPosition="after" label={text('playground.checking')} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.kind === 'checking' && phase.slow ? (
        <MessageBar intent="warning" data-testid="playground-slow">
          <MessageBarBody>{text('playground.slow')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
