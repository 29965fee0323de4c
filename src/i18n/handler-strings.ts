// The send handler's translate: findings and handler messages only (src/i18n/handler-tables.ts).
import { handlerTables, type HandlerKey } from './handler-tables.js';
import type { Locale } from './locale.js';
import { translateFrom, type Params } from './template.js';

export type { HandlerKey };

export function translateForHandler(locale: Locale, key: HandlerKey, params: Params = {}): string {
  return translateFrom(handlerTables(), locale, key, params);
}
