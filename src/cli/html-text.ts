import PostalMime from 'postal-mime';

const BOUNDARY = 'preflight-html-to-text';

/**
 * postal-mime turns HTML into text (blocks, lists, links, every named entity) only for a message that also
 * has a text/plain part, and does not export that converter; so the HTML is wrapped next to an empty
 * plain part and parsed once more, rather than converted by a second, weaker converter of our own.
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
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(html, 'utf8').toString('base64'),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  const email = await PostalMime.parse(wrapped);
  return (email.text ?? '').trim();
}
