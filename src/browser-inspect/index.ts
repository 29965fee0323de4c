export { bytesOfBase64 } from './base64.js';
export { inspectInBrowser, inspectInThread } from './inspect-in-browser.js';
