// Masked samples are what a finding may show or log. They keep at most a quarter of the digits at each
// end (4 + 4 from 12 digits on, as on card receipts) and always hide the middle behind a fixed `****`,
// so neither the middle digits nor the length leak.

const HIDDEN = '****';

export function digitsOf(text: string): string {
  let digits = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x30 && unit <= 0x39) digits += text.charAt(index);
  }
  return digits;
}

export function maskDigits(digits: string): string {
  const keep = digits.length >= 12 ? 4 : Math.floor(digits.length / 4);
  if (keep === 0) return HIDDEN;
  return `${digits.slice(0, keep)} ${HIDDEN} ${digits.slice(digits.length - keep)}`;
}

/** `t****@example.co.jp`: the domain says where the data goes, the local part is hidden. */
export function maskEmail(local: string, domain: string): string {
  return `${local.length > 1 ? local.charAt(0) : ''}${HIDDEN}@${domain}`;
}

/** Keeps a known-public head (e.g. prefecture and city) and hides the rest. */
export function maskAfter(head: string): string {
  return `${head}${HIDDEN}`;
}

/** For text the organisation defined itself: first and last character when long enough. */
export function maskText(text: string): string {
  const characters = Array.from(text);
  if (characters.length < 4) return HIDDEN;
  return `${characters[0] ?? ''}${HIDDEN}${characters[characters.length - 1] ?? ''}`;
}
