export type Locale = 'ja' | 'en';

/** Outlook's display language (`ja-JP`, `en-US`, …) to one of our string tables; English otherwise. */
export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
