import { createContext, useContext } from 'react';
import type { Locale } from '../i18n/locale.js';
import type { PLAYGROUND_STRINGS } from '../i18n/tables/playground.js';
import { translate, type Params } from '../i18n/translate.js';

export type PlaygroundKey = keyof typeof PLAYGROUND_STRINGS.en;
export type PlaygroundText = (key: PlaygroundKey, params?: Params) => string;

export function playgroundText(locale: Locale): PlaygroundText {
  return (key, params) => translate(locale, key, params);
}

export const PlaygroundTextContext = createContext<PlaygroundText>(playgroundText('en'));

export function usePlaygroundText(): PlaygroundText {
  return useContext(PlaygroundTextContext);
}
