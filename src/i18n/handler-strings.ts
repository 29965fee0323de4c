// The send handler's own text: findings and handler messages only. The handler bundle loads in classic
// Outlook's JavaScript runtime on every Send, so it does not carry the pane's, CLI's or playground's tables.
import { FINDING_STRINGS } from './tables/findings.js';
import { HANDLER_STRINGS } from './tables/handler.js';
import type { Locale } from './locale.js';
import { translateFrom, type Params } from './template.js';

const HANDLER_TABLES = {
  en: { ...FINDING_STRINGS.en, ...HANDLER_STRINGS.en },
  ja: { ...FINDING_STRINGS.ja, ...HANDLER_STRINGS.ja },
} as const;

export type HandlerKey = keyof typeof HANDLER_TABLES.en;

export function translateForHandler(locale: Locale, key: HandlerKey, params: Params = {}): string {
  return translateFrom(HANDLER_TABLES, locale, key, params);
}
