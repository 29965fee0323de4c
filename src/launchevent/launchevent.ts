// Entry of dist/launchevent.js (one ES2016 script, no webpack runtime). Classic Outlook runs it without
// Office.onReady, so the handlers are bound at top level when the script loads.
import { associateAction } from '../office/index.js';
import { createAttachmentsHandler } from './attachments-handler.js';
import { createComposeHandler } from './compose-handler.js';
import { createSendHandler } from './send-handler.js';

associateAction('onNewMessageComposeHandler', createComposeHandler());
associateAction('onMessageSendHandler', createSendHandler());
associateAction('onMessageAttachmentsChangedHandler', createAttachmentsHandler());
// A meeting is read into the same snapshot as a message (src/office/snapshot.ts), so the same handlers
// check it (the review button is the appointment surface's, send-completion.ts); OnNewAppointmentOrganizer records the attendees a meeting started with, as a reply's recipients.
associateAction('onNewAppointmentOrganizerHandler', createComposeHandler());
associateAction('onAppointmentSendHandler', createSendHandler());
