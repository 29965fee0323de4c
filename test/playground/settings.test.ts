import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../src/playground/settings.js';

describe('playground settings in the address', () => {
  it('reads every setting and writes them back', () => {
    const settings = readSettings('?lang=ja-JP&theme=dark&mailbox=1.12&permission=ReadWriteMailbox&latency=500&history=on', 'en-US');
    expect(settings).toEqual({
      displayLanguage: 'ja-JP',
      theme: 'dark',
      mailboxVersion: '1.12',
      permission: 'ReadWriteMailbox',
      latencyMs: 500,
      history: 'on',
    });
    expect(readSettings(writeSettings(settings), 'en-US')).toEqual(settings);
  });

  it.each([
    [
      '',
      'ja',
      { displayLanguage: 'ja-JP', theme: 'light', mailboxVersion: '1.15', permission: 'ReadWriteItem', latencyMs: 0, history: 'off' },
    ],
    [
      '?lang=fr-FR&theme=blue&mailbox=1.13&permission=FullAccess&latency=7&history=maybe',
      'en-GB',
      { displayLanguage: 'en-US', theme: 'light', mailboxVersion: '1.15', permission: 'ReadWriteItem', latencyMs: 0, history: 'off' },
    ],
  ])('falls back to defaults for %j', (query, browserLanguage, expected) => {
    expect(readSettings(query, browserLanguage)).toEqual(expected);
  });
});
