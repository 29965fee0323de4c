import { describe, expect, it } from 'vitest';
import { APPOINTMENT_PANE_COMMAND_ID, interpretCompletion, PANE_COMMAND_ID } from '../../src/playground/smart-alert.js';

const review = {
  allowEvent: false,
  errorMessage: 'plain',
  errorMessageMarkdown: '**md**',
  cancelLabel: 'Review',
  commandId: 'msgComposeOpenPaneButton',
  contextData: '{"source":"preflight-send"}',
};

describe('interpretCompletion', () => {
  it.each([
    { name: 'no options', options: undefined },
    { name: 'allowEvent true', options: { allowEvent: true, errorMessage: 'ignored' } },
  ])('sends with $name', ({ options }) => {
    expect(interpretCompletion(options, '1.15').outcome).toEqual({ kind: 'send' });
  });

  it('on 1.15 shows the Markdown and a button that opens the pane with the context', () => {
    expect(interpretCompletion(review, '1.15')).toEqual({
      outcome: {
        kind: 'alert',
        body: { kind: 'markdown', source: '**md**' },
        action: { label: 'Review', opensPane: true, contextData: '{"source":"preflight-send"}' },
        sendAnyway: false,
      },
      warnings: [],
    });
  });

  it('on 1.14 shows the plain text and ignores the Markdown', () => {
    const { outcome, warnings } = interpretCompletion(review, '1.14');
    expect(outcome).toMatchObject({ kind: 'alert', body: { kind: 'text', text: 'plain' }, action: { opensPane: true } });
    expect(warnings).toEqual([{ option: 'errorMessageMarkdown', problem: 'ignored', detail: 'errorMessageMarkdown' }]);
  });

  it('on 1.12 shows no action button', () => {
    const { outcome, warnings } = interpretCompletion(review, '1.12');
    expect(outcome).toMatchObject({ kind: 'alert', body: { kind: 'text', text: 'plain' }, action: null });
    expect(warnings.map((warning) => warning.option)).toEqual(['errorMessageMarkdown', 'commandId', 'cancelLabel', 'contextData']);
  });

  it('shows no button without commandId, and one that only closes for an unknown commandId', () => {
    expect(interpretCompletion({ allowEvent: false, cancelLabel: 'Review' }, '1.15').outcome).toMatchObject({ action: null });
    expect(interpretCompletion({ allowEvent: false, commandId: 'other' }, '1.15').outcome).toMatchObject({
      action: { label: '', opensPane: false },
    });
  });

  it.each([
    ['message button on the message surface', PANE_COMMAND_ID, PANE_COMMAND_ID, true],
    ['meeting button on the appointment surface', APPOINTMENT_PANE_COMMAND_ID, APPOINTMENT_PANE_COMMAND_ID, true],
    ['message button on the appointment surface', PANE_COMMAND_ID, APPOINTMENT_PANE_COMMAND_ID, false],
  ])('opens the pane only for the Control id of the surface Send was pressed on: %s', (_case, commandId, surface, opens) => {
    const options = { allowEvent: false, errorMessage: 'x', commandId, cancelLabel: 'Review' };
    expect(interpretCompletion(options, '1.15', surface).outcome).toMatchObject({ action: { opensPane: opens } });
  });

  it('falls back to Outlook’s default text and warns about over-long or wrongly typed options', () => {
    const { outcome, warnings } = interpretCompletion(
      {
        allowEvent: false,
        errorMessage: 'x'.repeat(501),
        cancelLabel: 'y'.repeat(21),
        commandId: 'msgComposeOpenPaneButton',
        contextData: { a: 1 },
      },
      '1.15',
    );
    expect(outcome).toMatchObject({ body: { kind: 'text' }, action: { contextData: '{"a":1}' } });
    expect(warnings).toEqual([
      { option: 'errorMessage', problem: 'too-long', detail: 501 },
      { option: 'cancelLabel', problem: 'too-long', detail: 21 },
      { option: 'contextData', problem: 'wrong-type', detail: 'object' },
    ]);
    expect(interpretCompletion({ allowEvent: false }, '1.15').outcome).toEqual({
      kind: 'alert',
      body: { kind: 'default' },
      action: null,
      sendAnyway: false,
    });
  });
});

describe('sendModeOverride', () => {
  it('offers Send Anyway for PromptUser on 1.14+, ignores it on 1.12', () => {
    const options = { allowEvent: false, errorMessage: 'to a@b.example', sendModeOverride: 'promptUser' };
    expect(interpretCompletion(options, '1.14').outcome).toMatchObject({ kind: 'alert', sendAnyway: true });
    const old = interpretCompletion(options, '1.12');
    expect(old.outcome).toMatchObject({ kind: 'alert', sendAnyway: false });
    expect(old.warnings).toContainEqual({ option: 'sendModeOverride', problem: 'ignored', detail: 'sendModeOverride' });
  });
});
