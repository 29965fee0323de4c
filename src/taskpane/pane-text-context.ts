import { createContext, useContext } from 'react';
import { paneText, type PaneText } from './pane-text.js';

export const PaneTextContext = createContext<PaneText>(paneText('en'));

export function usePaneText(): PaneText {
  return useContext(PaneTextContext);
}
