// Tells the pane when the recipients or attachments change, so it can re-evaluate.
import { requireHost } from './office-host.js';
import { addItemHandler, removeItemHandlers } from './item-calls.js';
import { callSettings, type CallOptions } from './timers.js';

/** Subscribes to RecipientsChanged and AttachmentsChanged; resolves to the unsubscribe function. */
export async function onItemChanged(listener: () => void, options?: CallOptions): Promise<() => Promise<void>> {
  const settings = callSettings(options);
  const { EventType } = requireHost('addHandlerAsync');
  const eventTypes = [EventType.RecipientsChanged, EventType.AttachmentsChanged];
  // A listener that throws inside an Office callback would be lost to any surrounding try.
  const handler = (): void => {
    try {
      listener();
    } catch (error) {
      console.error('Preflight: item change listener failed', error);
    }
  };
  const added: Office.EventType[] = [];
  try {
    for (const eventType of eventTypes) {
      await addItemHandler(eventType, handler, settings);
      added.push(eventType);
    }
  } catch (error) {
    await Promise.all(added.map((eventType) => removeItemHandlers(eventType, settings).catch(() => undefined)));
    throw error;
  }
  let subscribed = true;
  return async () => {
    if (!subscribed) return;
    subscribed = false;
    await Promise.all(added.map((eventType) => removeItemHandlers(eventType, settings)));
  };
}
