// The send handler's text: findings and handler messages, both languages. The handler bundle loads in
// classic Outlook's JavaScript runtime on every Send, so it does not carry the pane's, CLI's or
// playground's tables, and the handler build compresses these (scripts/compressed-tables-loader.js).
import { FINDING_STRINGS } from './tables/findings.js';
import { HANDLER_STRINGS } from './tables/handler.js';
import type { Tables } from './template.js';

const HANDLER_TABLES = {
  en: { ...FINDING_STRINGS.en, ...HANDLER_STRINGS.en },
  ja: { ...FINDING_STRINGS.ja, ...HANDLER_STRINGS.ja },
} as const;

export type HandlerKey = keyof typeof HANDLER_TABLES.en;

/** The tables; a function, so that the handler build can unpack them on first use instead. */
export function handlerTables(): Tables {
  return HANDLER_TABLES;
}
