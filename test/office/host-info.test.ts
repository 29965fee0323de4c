import { afterEach, describe, expect, it, vi } from 'vitest';
import { associateAction, displayLanguage, officeTheme, supportsMailbox, whenOfficeReady } from '../../src/office/index.js';
import { createOfficeFake, type OfficeFakeOptions } from '../fakes/office-fake.js';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(options: OfficeFakeOptions = {}) {
  const fake = createOfficeFake(options);
  uninstall = fake.install();
  return fake;
}

describe('supportsMailbox', () => {
  it.each([
    ['1.12', '1.12', true],
    ['1.12', '1.14', false],
    ['1.14', '1.14', true],
    ['1.14', '1.15', false],
    ['1.15', '1.15', true],
  ] as const)('a %s client supports %s: %s', (mailbox, version, expected) => {
    install({ mailbox });
    expect(supportsMailbox(version)).toBe(expected);
  });

  it('passes the version as a string, since "1.1" and "1.10" differ only as text', () => {
    const fake = install();
    supportsMailbox('1.14');
    expect(fake.requirementQueries).toEqual([['Mailbox', '1.14']]);
  });

  it('is false without office.js', () => {
    expect(supportsMailbox('1.12')).toBe(false);
  });
});

describe('displayLanguage', () => {
  it('reads Office.context.displayLanguage, English without office.js', () => {
    expect(displayLanguage()).toBe('en-US');
    install({ displayLanguage: 'ja-JP' });
    expect(displayLanguage()).toBe('ja-JP');
  });
});

describe('officeTheme', () => {
  it.each([
    [
      { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#FFFFFF' },
      { isDark: true, background: '#1F1F1F', foreground: '#FFFFFF' },
    ],
    [
      { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' },
      { isDark: false, background: '#FFFFFF', foreground: '#000000' },
    ],
    [{ bodyBackgroundColor: '', bodyForegroundColor: '#000000' }, null],
    [undefined, null],
  ])('derives darkness from the body colours %j', (theme, expected) => {
    install(theme === undefined ? {} : { theme });
    expect(officeTheme()).toEqual(expected);
  });
});

describe('whenOfficeReady and associateAction', () => {
  it('resolves once office.js is ready', async () => {
    install();
    await expect(whenOfficeReady()).resolves.toBeUndefined();
  });

  it('rejects at once without office.js, and associates nothing', async () => {
    await expect(whenOfficeReady()).rejects.toMatchObject({ operation: 'Office.onReady', kind: 'unavailable' });
    expect(associateAction('onMessageSendHandler', vi.fn())).toBe(false);
  });

  it('binds a manifest function name to its handler', () => {
    const fake = install();
    const handler = vi.fn();
    expect(associateAction('onMessageSendHandler', handler)).toBe(true);
    expect(fake.associated.get('onMessageSendHandler')).toBe(handler);
  });
});
