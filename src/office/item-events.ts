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
  // A pane already open (pinned) is told so when Send opens it again, instead of being reloaded (Mailbox
  // 1.14, https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events);
  // a client without it reloads the pane, so failing here loses nothing.
  const reopened = EventType.InitializationContextChanged;
  if (reopened !== undefined) {
    await addItemHandler(reopened, handler, settings).then(
      () => void added.push(reopened),
      () => undefined,
    );
  }
  let subscribed = true;
  return async () => {
    if (!subscribed) return;
    subscribed = false;
    await Promise.all(added.map((eventType) => removeItemHandlers(eventType, settings)));
  };
}
