// OnAppointmentSend runs the message send handler unchanged: src/office reads a meeting into the same
// snapshot. Only the Smart Alerts commandId differs, because it must name a Control on the surface where
// the send happens and Control ids are unique in a manifest
// (https://learn.microsoft.com/javascript/api/manifest/control,
// https://learn.microsoft.com/office/dev/add-ins/outlook/smart-alerts-onmessagesend-walkthrough).
import type { LaunchEvent } from '../office/index.js';
import { REVIEW_COMMAND_ID } from './send-completion.js';

/** The manifest Control id of the review button on the appointment organiser surface (cross-part contract). */
export const APPOINTMENT_REVIEW_COMMAND_ID = 'apptOrganizerOpenPaneButton';

type CompletedOptions = Parameters<LaunchEvent['completed']>[0];

/** The send handler for meetings: its "Review" button opens the pane from the appointment surface. */
export function forAppointmentSend(handler: (event: LaunchEvent) => void): (event: LaunchEvent) => void {
  return function onAppointmentSendHandler(event: LaunchEvent): void {
    handler({
      completed: (options?: CompletedOptions) => {
        if (options === undefined) event.completed();
        else event.completed(onAppointmentSurface(options));
      },
    });
  };
}

function onAppointmentSurface(options: NonNullable<CompletedOptions>): NonNullable<CompletedOptions> {
  if (!('commandId' in options) || options.commandId !== REVIEW_COMMAND_ID) return options;
  return { ...options, commandId: APPOINTMENT_REVIEW_COMMAND_ID };
}
