import { describe, expect, it } from 'vitest';
import { EMPTY_CONTENT } from '../../src/playground/fake-office/compose-message.js';
import { COMPOSING, nextPhase, type SendEvent, type SendPhase } from '../../src/playground/send-flow.js';

const checking: SendPhase = { kind: 'checking', run: 2, slow: false };
const alert = { kind: 'alert', body: { kind: 'text', text: 'stop' }, action: null, sendAnyway: false } as const;
const prompt = { ...alert, sendAnyway: true } as const;
const content = { ...EMPTY_CONTENT, subject: 'sent' };

describe('nextPhase', () => {
  it.each<[string, SendPhase, SendEvent, SendPhase]>([
    ['Send starts the check', COMPOSING, { type: 'send-pressed', run: 2 }, checking],
    ['Send while checking changes nothing', checking, { type: 'send-pressed', run: 3 }, checking],
    ['after 5 s the slow notice shows', checking, { type: 'slow', run: 2 }, { ...checking, slow: true }],
    ['a slow timer of an earlier run is ignored', checking, { type: 'slow', run: 1 }, checking],
    ['allowEvent true sends', checking, { type: 'completed', run: 2, outcome: { kind: 'send' }, content }, { kind: 'sent', content }],
    [
      'allowEvent false shows the alert',
      checking,
      { type: 'completed', run: 2, outcome: { kind: 'alert', body: alert.body, action: null, sendAnyway: false }, content },
      alert,
    ],
    [
      'a completion after the timeout is ignored',
      { kind: 'timed-out' },
      { type: 'completed', run: 2, outcome: { kind: 'send' }, content },
      { kind: 'timed-out' },
    ],
    ['the timeout ends the check', checking, { type: 'timed-out', run: 2 }, { kind: 'timed-out' }],
    ['an unavailable add-in asks what to do', checking, { type: 'unavailable', run: 2 }, { kind: 'unavailable' }],
    ["Don't send returns to the message", alert, { type: 'dismissed' }, COMPOSING],
    [
      'Send anyway sends when the add-in is unavailable',
      { kind: 'unavailable' },
      { type: 'sent-anyway', content },
      { kind: 'sent', content },
    ],
    ['Send anyway is not offered over an alert', alert, { type: 'sent-anyway', content }, alert],
    [
      'Send Anyway sends over an alert with sendModeOverride PromptUser',
      prompt,
      { type: 'sent-anyway', content },
      { kind: 'sent', content },
    ],
    ['a new message starts over', { kind: 'sent', content }, { type: 'new-message' }, COMPOSING],
  ])('%s', (_name, phase, event, expected) => {
    expect(nextPhase(phase, event)).toEqual(expected);
  });
});
