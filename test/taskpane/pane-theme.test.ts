import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import type { OfficeThemeInfo } from '../../src/taskpane/pane-gateway.js';
import { paneTheme } from '../../src/taskpane/pane-theme.js';

describe('paneTheme', () => {
  it.each<[string, OfficeThemeInfo | null, string, string]>([
    ['no Office theme', null, webLightTheme.colorNeutralBackground1, webLightTheme.colorBrandBackground],
    ['light', { isDark: false }, webLightTheme.colorNeutralBackground1, webLightTheme.colorBrandBackground],
    ['dark', { isDark: true }, webDarkTheme.colorNeutralBackground1, webDarkTheme.colorBrandBackground],
    [
      'dark with the host colours',
      { isDark: true, background: '#1F1F1F', foreground: '#FFFFFF' },
      '#1F1F1F',
      webDarkTheme.colorBrandBackground,
    ],
    ['a host colour without its hash', { isDark: false, background: 'FAF9F8' }, '#FAF9F8', webLightTheme.colorBrandBackground],
    [
      'a colour that is not a colour',
      { isDark: true, background: 'url(x)' },
      webDarkTheme.colorNeutralBackground1,
      webDarkTheme.colorBrandBackground,
    ],
  ])('%s', (_case, office, background, brand) => {
    const theme = paneTheme(office);
    expect(theme.colorNeutralBackground1).toBe(background);
    expect(theme.colorBrandBackground).toBe(brand);
  });
});
