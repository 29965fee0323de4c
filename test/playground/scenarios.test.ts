import { describe, expect, it } from 'vitest';
import { scenarioContent } from '../../src/playground/scenarios.js';

describe('scenarioContent', () => {
  it('starts a new message with only the sender', () => {
    const content = scenarioContent('new', 'en', 'example.co.jp');
    expect(content.from).toEqual({ name: 'Taro Yamada', address: 'taro.yamada@example.co.jp' });
    expect([...content.to, ...content.cc, ...content.bcc]).toEqual([]);
  });

  it('starts a reply with the partner in To and a colleague in Cc, in the display language', () => {
    const content = scenarioContent('reply', 'ja', 'example.co.jp');
    expect(content.to.map((entry) => [entry.address, entry.name, entry.type])).toEqual([
      ['hanako.suzuki@partner.co.jp', '鈴木 花子', 'externalUser'],
    ]);
    expect(content.cc.map((entry) => [entry.address, entry.type])).toEqual([['jiro.sato@example.co.jp', 'user']]);
    expect(content.subject).toBe('RE: お見積りのご依頼');
  });
});
