// Office.actions.associate and the event object Outlook hands a launch-event handler.

export type ActionHandler = (event?: unknown) => void;

/** The FunctionNames the manifest binds (cross-part contract). */
export const ACTION_NAMES = {
  compose: 'onNewMessageComposeHandler',
  send: 'onMessageSendHandler',
  attachments: 'onMessageAttachmentsChangedHandler',
  appointmentCompose: 'onNewAppointmentOrganizerHandler',
  appointmentSend: 'onAppointmentSendHandler',
} as const;

/** The launch events Outlook raises as a compose window opens and at Send, for a message or a meeting. */
export const LAUNCH_EVENTS = {
  message: { compose: 'OnNewMessageCompose', send: 'OnMessageSend' },
  meeting: { compose: 'OnNewAppointmentOrganizer', send: 'OnAppointmentSend' },
} as const;

/** What the handler frame associated, and a way to wait for a name to appear. */
export class ActionRegistry {
  private readonly actions = new Map<string, ActionHandler>();
  private readonly waiting = new Map<string, Array<(handler: ActionHandler) => void>>();

  associate(name: string, handler: ActionHandler): void {
    this.actions.set(name, handler);
    for (const resolve of this.waiting.get(name) ?? []) resolve(handler);
    this.waiting.delete(name);
  }

  get(name: string): ActionHandler | undefined {
    return this.actions.get(name);
  }

  /** A reloaded handler frame associates afresh; the old frame's functions must not run. */
  clear(): void {
    this.actions.clear();
  }

  whenAssociated(name: string): Promise<ActionHandler> {
    const handler = this.actions.get(name);
    if (handler !== undefined) return Promise.resolve(handler);
    return new Promise((resolve) => {
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]);
    });
  }
}

export interface Completion {
  /** What the handler passed to event.completed (undefined when it passed nothing). */
  readonly options: unknown;
  readonly elapsedMs: number;
}

export interface LaunchRunHooks {
  readonly now: () => number;
  /** A second event.completed: Outlook ignores it; the playground tells the developer. */
  readonly onExtraCompletion?: (options: unknown) => void;
  /** The handler threw synchronously; Outlook then waits for completed until the event times out. */
  readonly onThrow?: (error: unknown) => void;
}

/** Calls the handler with a fresh event; resolves at the first event.completed. */
export function runLaunchEvent(handler: ActionHandler, hooks: LaunchRunHooks): Promise<Completion> {
  const startedAt = hooks.now();
  return new Promise((resolve) => {
    let completed = false;
    const event: Pick<Office.MailboxEvent, 'completed'> = {
      completed: (options?: unknown) => {
        if (completed) {
          hooks.onExtraCompletion?.(options);
          return;
        }
        completed = true;
        resolve({ options, elapsedMs: hooks.now() - startedAt });
      },
    };
    try {
      handler(event);
    } catch (error) {
      hooks.onThrow?.(error);
    }
  });
}
