// What the user types into a recipient line: `Name <address>` or a bare address, several separated by `;` or `,`.

export interface TypedRecipient {
  readonly address: string;
  readonly name: string;
}

const WITH_NAME = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/;

export function parseRecipientInput(text: string): TypedRecipient[] {
  const recipients: TypedRecipient[] = [];
  for (const part of splitOutsideBrackets(text)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = WITH_NAME.exec(trimmed);
    if (match !== null) {
      const address = (match[2] ?? '').trim();
      const name = (match[1] ?? '').trim();
      if (address !== '') recipients.push({ address, name: name === '' ? address : name });
      continue;
    }
    recipients.push({ address: trimmed, name: trimmed });
  }
  return recipients;
}

/** Display names may hold commas ("Yamada, Taro" <t@x>); separators inside <…> or quotes do not split. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inAngle = false;
  let inQuote = false;
  for (const char of text) {
    if (char === '"' && !inAngle) inQuote = !inQuote;
    else if (char === '<' && !inQuote) inAngle = true;
    else if (char === '>' && !inQuote) inAngle = false;
    if ((char === ';' || char === ',') && !inAngle && !inQuote) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}
