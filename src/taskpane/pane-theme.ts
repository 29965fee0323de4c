import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { OfficeThemeInfo } from './pane-gateway.js';

const HEX_COLOUR = /^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function colour(value: string | undefined): string | null {
  if (value === undefined || !HEX_COLOUR.test(value.trim())) return null;
  const hex = value.trim();
  return hex.startsWith('#') ? hex : `#${hex}`;
}

/** Fluent's light or dark theme after Office's; the host's own body colours when it gives usable ones, so the pane blends in. */
export function paneTheme(office: OfficeThemeInfo | null): Theme {
  const base = office?.isDark === true ? webDarkTheme : webLightTheme;
  if (office === null) return base;
  const background = colour(office.background);
  const foreground = colour(office.foreground);
  return {
    ...base,
    ...(background === null ? {} : { colorNeutralBackground1: background }),
    ...(foreground === null ? {} : { colorNeutralForeground1: foreground }),
  };
}
