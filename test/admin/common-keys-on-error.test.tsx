// docs/policy.md: `onError` defaults to "block". A draft that leaves it out must show "block" in the
// form's select, not fall back to the first option ("allow"), which is the opposite of what applies.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/admin-text.js';
import { commonKeysOf } from '../../src/admin/common-keys.js';
import { CommonKeysForm } from '../../src/admin/components/CommonKeysForm.js';

function selectedOnError(document: unknown): string | null {
  const keys = commonKeysOf(document);
  if (keys === null) return null;
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <CommonKeysForm keys={keys} text={adminText('en')} problems={[]} change={() => undefined} />
    </FluentProvider>,
  );
  const select = /<select[^>]*data-testid="policy-key-onError"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? '';
  const options = [...select.matchAll(/<option value="([^"]*)"([^>]*)>/g)];
  // A select with no option marked selected shows its first option.
  const chosen = options.find((option) => (option[2] ?? '').includes('selected')) ?? options[0];
  return chosen?.[1] ?? null;
}

describe('the onError field', () => {
  it('shows what the draft says', () => {
    expect(selectedOnError({ version: 1, onError: 'allow' })).toBe('allow');
    expect(selectedOnError({ version: 1, onError: 'block' })).toBe('block');
  });

  it('shows the default, block, when the draft leaves onError out', () => {
    expect(selectedOnError({ version: 1 })).toBe('block');
  });
});
