// OnAppointmentSend: the send handler on a meeting, with the review button of the appointment surface.
import { describe, expect, it, vi } from 'vitest';
import { SEND_TIMING, type HandlerDependencies } from '../../src/launchevent/dependencies.js';
import { APPOINTMENT_REVIEW_COMMAND_ID } from '../../src/launchevent/send-completion.js';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { createLaunchEvent, createOfficeFake, recipient, type CallBehaviour, type FakeOperation } from '../fakes/office-fake.js';
import { confirmVerdict, parseStub, stubDocument, verdict, withFakeClock } from './fixtures.js';

const office = withFakeClock();

async function sendMeeting(evaluate: HandlerDependencies['evaluate'], behaviour?: readonly [FakeOperation, CallBehaviour]) {
  const fake = createOfficeFake({ meeting: true, mailbox: '1.15', mail: { requiredAttendees: [recipient('hanako@partner.co.jp')] } });
  office.remove = fake.install();
  if (behaviour !== undefined) fake.behave(...behaviour);
  const { event, completions } = createLaunchEvent();
  const handler = createSendHandler({
    boot: () => ({ origin: null, policyDocument: stubDocument('example.co.jp') }),
    parsePolicy: parseStub,
    evaluate,
    now: () => 1_700_000_000_000,
  });
  handler(event);
  await vi.advanceTimersByTimeAsync(SEND_TIMING.deadlineMs);
  expect(completions).toHaveLength(1);
  return { snapshot: vi.mocked(evaluate).mock.calls[0]?.[0], options: completions[0]?.options };
}

describe('onAppointmentSendHandler', () => {
  it('checks the attendees and opens the review pane from the appointment surface', async () => {
    const { snapshot, options } = await sendMeeting(vi.fn(() => confirmVerdict()));
    expect(snapshot?.to).toEqual([{ address: 'hanako@partner.co.jp', type: 'externalUser' }]);
    expect(options).toMatchObject({ allowEvent: false, commandId: APPOINTMENT_REVIEW_COMMAND_ID, cancelLabel: 'Review' });
    expect(options?.errorMessage).toMatch(/^Check this meeting request before it is sent:/);
  });

  it('lets an allowed meeting go unchanged', async () => {
    const { options } = await sendMeeting(vi.fn(() => verdict()));
    expect(options).toEqual({ allowEvent: true });
  });

  it.each<[string, CallBehaviour]>([
    ['fails', { kind: 'fail', code: 9020 }],
    ['never answers', { kind: 'hang' }],
  ])('stops the meeting with the error alert when requiredAttendees.getAsync %s', async (_case, behaviour) => {
    const evaluate = vi.fn(() => verdict());
    const { options } = await sendMeeting(evaluate, ['requiredAttendees.getAsync', behaviour]);
    expect(evaluate).not.toHaveBeenCalled();
    expect(options?.allowEvent).toBe(false);
    expect(options?.errorMessage).toContain('requiredAttendees.getAsync');
    expect(options).not.toHaveProperty('commandId');
  });
});
