export { bytesOfBase64 } from './base64.js';
export { inspectInBrowser } from './inspect-in-browser.js';
