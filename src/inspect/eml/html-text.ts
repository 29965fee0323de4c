import PostalMime from 'postal-mime';

const BOUNDARY = 'preflight-html-to-text';

/**
 * postal-mime turns HTML into text (blocks, lists, links, every named entity) only for a message that also
 * has a text/plain part, and does not export that converter; so the HTML is wrapped next to an empty
 * plain part and parsed once more, rather than converted by a second, weaker converter of our own. The
 * part is 8bit so this runs in a browser as in Node, with no base64 encoder.
 */
export async function htmlToText(html: string): Promise<string> {
  const wrapped = [
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  const email = await PostalMime.parse(wrapped);
  return (email.text ?? '').trim();
}
