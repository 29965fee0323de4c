import { usePlaygroundText } from '../playground-text.js';

/**
 * The event-based runtime: a hidden page that loads the real launchevent.js as Outlook on the web does
 * (https://learn.microsoft.com/office/dev/add-ins/develop/runtimes). A new generation loads it again.
 */
export function HandlerFrame({ generation, onLoad }: { readonly generation: number; readonly onLoad: () => void }) {
  const text = usePlaygroundText();
  return (
    <iframe
      key={generation}
      title={text('playground.loadingAddin')}
      src="/playground/launchevent.html"
      data-testid="handler-frame"
      hidden
      aria-hidden="true"
      tabIndex={-1}
      onLoad={onLoad}
    />
  );
}
