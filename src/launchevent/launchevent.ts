// Entry of dist/launchevent.js (one ES2016 script, no webpack runtime). Classic Outlook runs it without
// Office.onReady, so the handlers are bound at top level when the script loads.
import { associateAction } from '../office/index.js';
import { createAttachmentsHandler } from './attachments-handler.js';
import { createComposeHandler } from './compose-handler.js';
import { createSendHandler } from './send-handler.js';

associateAction('onNewMessageComposeHandler', createComposeHandler());
associateAction('onMessageSendHandler', createSendHandler());
associateAction('onMessageAttachmentsChangedHandler', createAttachmentsHandler());
