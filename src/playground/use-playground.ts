// The imperative shell of the page: runs the launch events the way Outlook does and keeps what the
// page shows (send phase, pane, log). The rules it follows are the pure modules it calls.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { pickLocale } from '../i18n/locale.js';
import type { Params } from '../i18n/translate.js';
import { describeError } from '../policy/index.js';
import { appendLog, type LogEntry } from './event-log.js';
import { bodyAsText } from './fake-office/body-html.js';
import type { ComposeContent } from './fake-office/compose-message.js';
import { ACTION_NAMES, LAUNCH_EVENTS, type ActionHandler, type LaunchRunHooks } from './launch-events.js';
import type { PlaygroundHost } from './playground-host.js';
import type { PlaygroundKey } from './playground-text.js';
import { scenarioContent, type Scenario } from './scenarios.js';
import { COMPOSING, nextPhase, SLOW_AFTER_MS, TIMEOUT_AFTER_MS, type SendPhase } from './send-flow.js';
import { writeSettings, type PlaygroundSettings } from './settings.js';
import {
  APPOINTMENT_PANE_COMMAND_ID,
  interpretCompletion,
  LIMITS,
  PANE_COMMAND_ID,
  type AlertAction,
  type CompletionWarning,
} from './smart-alert.js';

export interface PaneState {
  readonly open: boolean;
  /** Changes whenever the pane must load afresh. */
  readonly generation: number;
}

export type HandlerStatus = 'loading' | 'ready' | 'failed';

export interface Playground {
  readonly settings: PlaygroundSettings;
  readonly phase: SendPhase;
  readonly pane: PaneState;
  readonly log: readonly LogEntry[];
  readonly handlerGeneration: number;
  readonly handlerStatus: HandlerStatus;
  readonly recipientsMissing: boolean;
  changeSettings(settings: PlaygroundSettings): void;
  startMessage(scenario: Scenario): void;
  send(): void;
  dismiss(): void;
  takeAction(action: AlertAction): void;
  sendAnyway(): void;
  openPaneFromRibbon(): void;
  closePane(): void;
  handlerFrameLoaded(): void;
}

/** What a person would read in the opened message's HTML body, on one line. */
function bodyText(html: string): string {
  return bodyAsText(html).replace(/\s+/g, ' ');
}

export function usePlayground(host: PlaygroundHost, initialSettings: PlaygroundSettings, organisationDomain: string): Playground {
  const [settings, setSettings] = useState(initialSettings);
  const [phase, dispatch] = useReducer(nextPhase, COMPOSING);
  const [pane, setPane] = useState<PaneState>({ open: false, generation: 0 });
  const [log, setLog] = useState<LogEntry[]>([]);
  const [handlerGeneration, setHandlerGeneration] = useState(0);
  const [handlerStatus, setHandlerStatus] = useState<HandlerStatus>('loading');
  const [recipientsMissing, setRecipientsMissing] = useState(false);
  const run = useRef(0);
  const logId = useRef(0);
  const frameFailed = useRef(deferred());
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const paneRef = useRef(pane);
  paneRef.current = pane;

  const note = useCallback((key: PlaygroundKey, params: Params = {}, level: LogEntry['level'] = 'info') => {
    logId.current += 1;
    const entry: LogEntry = { id: logId.current, key, params, level };
    setLog((entries) => appendLog(entries, entry));
  }, []);

  const hooks = useCallback(
    (event: string): Partial<LaunchRunHooks> => ({
      onExtraCompletion: () => note('playground.log.extraCompletion', { event }, 'warning'),
      onThrow: (error) => note('playground.log.threw', { event, message: describeError(error) }, 'warning'),
    }),
    [note],
  );

  const runCompose = useCallback(async () => {
    await host.actions.whenAssociated(host.actionName('compose'));
    const event = LAUNCH_EVENTS[host.message.content.kind].compose;
    note('playground.log.composeStarted', { event });
    const completion = await host.runComposeHandler(hooks(event));
    if (completion !== null) note('playground.log.composeCompleted', { event, ms: Math.round(completion.elapsedMs) });
  }, [host, hooks, note]);

  useEffect(() => {
    host.openedMessage = (form) =>
      note('playground.log.newMessage', {
        to: [...(form.toRecipients ?? [])].map(String).join('; '),
        subject: form.subject ?? '',
        body: bodyText(form.htmlBody ?? ''),
      });
    return () => {
      host.openedMessage = undefined;
    };
  }, [host, note]);

  // Outlook raises OnMessageAttachmentsChanged for every add and removal; the handler reconciles with the item.
  // A meeting would raise OnAppointmentAttachmentsChanged, which the manifest does not declare.
  useEffect(
    () =>
      host.message.onItemChange((change) => {
        if (change.kind !== 'attachments' || host.message.content.kind === 'meeting') return;
        void (async () => {
          note('playground.log.attachmentsStarted');
          const completion = await host.runAttachmentsHandler(hooks('OnMessageAttachmentsChanged'));
          if (completion !== null) note('playground.log.attachmentsCompleted', { ms: Math.round(completion.elapsedMs) });
        })();
      }),
    [host, hooks, note],
  );

  const closePane = useCallback(() => {
    host.closeFrame('taskpane');
    setPane((current) => ({ open: false, generation: current.generation }));
  }, [host]);

  const startMessage = useCallback(
    (scenario: Scenario) => {
      closePane();
      host.message.reset(scenarioContent(scenario, pickLocale(host.settings.displayLanguage), organisationDomain));
      setRecipientsMissing(false);
      dispatch({ type: 'new-message' });
      void runCompose();
    },
    [closePane, host, organisationDomain, runCompose],
  );

  const waitForSendHandler = useCallback((): Promise<ActionHandler | null> => {
    const name = host.actionName('send');
    const handler = host.actions.get(name);
    if (handler !== undefined) return Promise.resolve(handler);
    return Promise.race([host.actions.whenAssociated(name), frameFailed.current.promise]);
  }, [host]);

  /** Outlook's Send: runs OnMessageSend (or OnAppointmentSend) and tells whether the item left. */
  const pressSend = useCallback(async (): Promise<'sent' | 'stopped'> => {
    if (phaseRef.current.kind !== 'composing') return 'stopped';
    if (!hasResolvedRecipient(host.message.content)) {
      setRecipientsMissing(true);
      return 'stopped';
    }
    setRecipientsMissing(false);
    run.current += 1;
    const thisRun = run.current;
    dispatch({ type: 'send-pressed', run: thisRun });
    const slow = setTimeout(() => dispatch({ type: 'slow', run: thisRun }), SLOW_AFTER_MS);
    const timeout = setTimeout(() => dispatch({ type: 'timed-out', run: thisRun }), TIMEOUT_AFTER_MS);
    const stopTimers = (): void => {
      clearTimeout(slow);
      clearTimeout(timeout);
    };
    const handler = await waitForSendHandler();
    const meeting = host.message.content.kind === 'meeting';
    const event = LAUNCH_EVENTS[host.message.content.kind].send;
    const running = handler === null ? null : host.runSendHandler(hooks(event));
    if (running === null) {
      stopTimers();
      dispatch({ type: 'unavailable', run: thisRun });
      return 'stopped';
    }
    note('playground.log.sendStarted', { event });
    const completion = await running;
    stopTimers();
    const paneCommandId = meeting ? APPOINTMENT_PANE_COMMAND_ID : PANE_COMMAND_ID;
    const { outcome, warnings } = interpretCompletion(completion.options, host.settings.mailboxVersion, paneCommandId);
    for (const warning of warnings) noteWarning(note, warning);
    note('playground.log.sendCompleted', {
      event,
      ms: Math.round(completion.elapsedMs),
      options: JSON.stringify(completion.options) ?? 'undefined',
    });
    dispatch({ type: 'completed', run: thisRun, outcome, content: host.message.content });
    if (outcome.kind !== 'send') return 'stopped';
    closePane();
    return 'sent';
  }, [closePane, host, hooks, note, waitForSendHandler]);

  const send = useCallback(() => {
    void pressSend();
  }, [pressSend]);

  useEffect(() => {
    host.pressSend = () => {
      note('playground.log.paneSend');
      return pressSend();
    };
    return () => {
      host.pressSend = undefined;
    };
  }, [host, note, pressSend]);

  const openPane = useCallback(() => {
    setPane((current) => ({ open: true, generation: current.generation + 1 }));
  }, []);

  const takeAction = useCallback(
    (action: AlertAction) => {
      dispatch({ type: 'dismissed' });
      if (!action.opensPane) return;
      const told = host.deliverPaneContext(action.contextData);
      if (paneRef.current.open && told) {
        note('playground.log.contextChanged');
        return;
      }
      note('playground.log.paneOpened', { context: action.contextData === '' ? '""' : action.contextData });
      openPane();
    },
    [host, note, openPane],
  );

  const openPaneFromRibbon = useCallback(() => {
    if (paneRef.current.open) return;
    host.clearPaneContext();
    openPane();
  }, [host, openPane]);

  const changeSettings = useCallback(
    (next: PlaygroundSettings) => {
      setSettings(next);
      host.settings = {
        displayLanguage: next.displayLanguage,
        theme: next.theme,
        mailboxVersion: next.mailboxVersion,
        permission: next.permission,
        ...(next.history === 'on' ? { roamingSettings: host.roamingSettings } : {}),
      };
      host.latencyMs = next.latencyMs;
      window.history.replaceState(null, '', writeSettings(next));
      // Office.context is read when a frame loads, so both frames load again with the new settings. The old
      // frame's handlers go now, not when the new frame's script runs: a Send in between must wait for
      // the new handler rather than run the old one in the old language.
      host.actions.clear();
      frameFailed.current = deferred();
      setHandlerStatus('loading');
      setHandlerGeneration((generation) => generation + 1);
      if (paneRef.current.open) openPane();
    },
    [host, openPane],
  );

  const handlerFrameLoaded = useCallback(() => {
    // launchevent.js is a plain script: by the frame's load event it has associated its handlers or failed.
    if (host.actions.get(ACTION_NAMES.send) !== undefined) {
      setHandlerStatus('ready');
      return;
    }
    setHandlerStatus('failed');
    frameFailed.current.resolve(null);
  }, [host]);

  return useMemo(
    () => ({
      settings,
      phase,
      pane,
      log,
      handlerGeneration,
      handlerStatus,
      recipientsMissing,
      changeSettings,
      startMessage,
      send,
      dismiss: () => dispatch({ type: 'dismissed' }),
      takeAction,
      sendAnyway: () => dispatch({ type: 'sent-anyway', content: host.message.content }),
      openPaneFromRibbon,
      closePane,
      handlerFrameLoaded,
    }),
    [
      settings,
      phase,
      pane,
      log,
      handlerGeneration,
      handlerStatus,
      recipientsMissing,
      changeSettings,
      startMessage,
      send,
      takeAction,
      host,
      openPaneFromRibbon,
      closePane,
      handlerFrameLoaded,
    ],
  );
}

function hasResolvedRecipient(content: ComposeContent): boolean {
  return [...content.to, ...content.cc, ...content.bcc].some((entry) => entry.resolved);
}

function noteWarning(note: (key: PlaygroundKey, params: Params, level: LogEntry['level']) => void, warning: CompletionWarning): void {
  const limit = warning.option in LIMITS ? LIMITS[warning.option as keyof typeof LIMITS] : '';
  const key: PlaygroundKey =
    warning.problem === 'too-long'
      ? 'playground.log.warning.tooLong'
      : warning.problem === 'wrong-type'
        ? 'playground.log.warning.wrongType'
        : 'playground.log.warning.ignored';
  note(key, { option: warning.option, detail: warning.detail, limit }, 'warning');
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred(): Deferred<null> {
  let resolve: (value: null) => void = () => undefined;
  const promise = new Promise<null>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
