// The top page's side of the emulation: one message, the fake Office each frame gets, and the launch
// events run the way Outlook runs them. DOM-free, so its semantics are tested in Node.
import type { Deliver } from './fake-office/async-result.js';
import { ComposeMessage } from './fake-office/compose-message.js';
import { Directory } from './fake-office/directory.js';
import { FakeItemFrame } from './fake-office/fake-item.js';
import { createFakeOffice, type FakeOffice, type HostSettings } from './fake-office/fake-office.js';
import { claimsAtLeast } from './fake-office/requirements.js';
import { ACTION_NAMES, ActionRegistry, runLaunchEvent, type Completion, type LaunchRunHooks } from './launch-events.js';

/** The frames that load office-frame.ts: the hidden event runtime and the task pane. */
export type FrameKind = 'launchevent' | 'taskpane';

export interface HostOptions {
  readonly settings: HostSettings;
  readonly internalDomains: readonly string[];
  /** Delay before each Office callback, in ms. */
  readonly latencyMs?: number;
  readonly now?: () => number;
  /** The mailbox's roaming settings (settings.roamingSettings names the same map while the history is on). */
  readonly roamingSettings?: Map<string, unknown>;
}

export class PlaygroundHost {
  readonly message = new ComposeMessage();
  readonly actions = new ActionRegistry();
  readonly directory: Directory;
  /** The mailbox's roaming settings; frames see them when the settings turn the history on. */
  readonly roamingSettings: Map<string, unknown>;
  private readonly frames = new Map<FrameKind, FakeItemFrame>();
  private currentSettings: HostSettings;
  private latency: number;
  private paneContext = '';
  private readonly now: () => number;
  readonly deliver: Deliver = (callback) => {
    setTimeout(callback, this.latency);
  };

  constructor(options: HostOptions) {
    this.currentSettings = options.settings;
    this.roamingSettings = options.roamingSettings ?? options.settings.roamingSettings ?? new Map();
    this.latency = options.latencyMs ?? 0;
    this.now = options.now ?? (() => performance.now());
    const internalDomains = options.internalDomains;
    this.directory = new Directory(() => internalDomains);
  }

  get settings(): HostSettings {
    return this.currentSettings;
  }

  /** Takes effect for frames loaded afterwards, as Outlook's settings take effect on restart. */
  set settings(settings: HostSettings) {
    this.currentSettings = settings;
  }

  get latencyMs(): number {
    return this.latency;
  }

  set latencyMs(value: number) {
    this.latency = Math.max(0, value);
  }

  /**
   * The `Office` a frame installs as its global (office-frame.ts). A frame that loads again replaces its
   * predecessor, whose item events stop, and a new handler frame starts with no associated actions.
   */
  officeFor(kind: FrameKind): FakeOffice {
    this.frames.get(kind)?.dispose();
    if (kind === 'launchevent') this.actions.clear();
    const paneSends =
      kind === 'taskpane' &&
      this.currentSettings.permission === 'ReadWriteMailbox' &&
      claimsAtLeast(this.currentSettings.mailboxVersion, '1.15');
    const frame = new FakeItemFrame({
      message: this.message,
      directory: this.directory,
      deliver: this.deliver,
      initializationContext: kind === 'taskpane' ? this.paneContext : '',
      mailboxVersion: this.currentSettings.mailboxVersion,
      ...(paneSends ? { send: () => this.sendFromPane() } : {}),
    });
    this.frames.set(kind, frame);
    return createFakeOffice({
      settings: this.currentSettings,
      item: () => frame.item,
      deliver: this.deliver,
      associate: (name, handler) => {
        // Only the event runtime's associations count, as only its functions are named in the manifest.
        if (kind === 'launchevent') this.actions.associate(name, handler);
      },
      ...(kind === 'taskpane' ? { newMessage: (form: Office.MessageForm) => this.openedMessage?.(form) } : {}),
    });
  }

  /** The pane closed: its handlers stop hearing the item. */
  closeFrame(kind: FrameKind): void {
    this.frames.get(kind)?.dispose();
    this.frames.delete(kind);
  }

  /**
   * The Smart Alerts action opens the pane with contextData. When the pane is already open and handles
   * InitializationContextChanged it is told instead; false means the pane must be (re)loaded.
   */
  deliverPaneContext(contextData: string): boolean {
    this.paneContext = contextData;
    return this.frames.get('taskpane')?.changeInitializationContext(contextData) ?? false;
  }

  /** Opening the pane from the ribbon: no context. */
  clearPaneContext(): void {
    this.paneContext = '';
  }

  /** Presses Send for the pane's item.sendAsync; the page sets it, and without it the send is stopped. */
  pressSend: (() => Promise<'sent' | 'stopped'>) | undefined = undefined;

  private sendFromPane(): Promise<'sent' | 'stopped'> {
    return this.pressSend?.() ?? Promise.resolve('stopped');
  }

  /** Where a message the pane opens with displayNewMessageForm is shown (the playground's event log). */
  openedMessage: ((form: Office.MessageForm) => void) | undefined = undefined;

  /** OnNewMessageCompose, or OnNewAppointmentOrganizer when the window holds a meeting. */
  runComposeHandler(hooks: Partial<LaunchRunHooks> = {}): Promise<Completion> | null {
    return this.run(this.actionName('compose'), hooks);
  }

  /** OnMessageSend, or OnAppointmentSend when the window holds a meeting. */
  runSendHandler(hooks: Partial<LaunchRunHooks> = {}): Promise<Completion> | null {
    return this.run(this.actionName('send'), hooks);
  }

  /** The FunctionName the manifest binds to this event for what the window holds. */
  actionName(event: 'compose' | 'send'): string {
    if (this.message.content.kind === 'message') return ACTION_NAMES[event];
    return event === 'compose' ? ACTION_NAMES.appointmentCompose : ACTION_NAMES.appointmentSend;
  }

  runAttachmentsHandler(hooks: Partial<LaunchRunHooks> = {}): Promise<Completion> | null {
    return this.run(ACTION_NAMES.attachments, hooks);
  }

  private run(name: string, hooks: Partial<LaunchRunHooks>): Promise<Completion> | null {
    const handler = this.actions.get(name);
    if (handler === undefined) return null;
    return runLaunchEvent(handler, { now: this.now, ...hooks });
  }
}
