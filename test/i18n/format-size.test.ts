import { describe, expect, it } from 'vitest';
import { describeSize } from '../../src/i18n/format-size.js';

describe('describeSize', () => {
  it.each([
    [0, 'pane.size.bytes', 0],
    [1023, 'pane.size.bytes', 1023],
    [1024, 'pane.size.kilobytes', 1],
    [18342, 'pane.size.kilobytes', 17.9],
    [1024 * 1024 - 1, 'pane.size.kilobytes', 1024],
    [1024 * 1024, 'pane.size.megabytes', 1],
    [25 * 1024 * 1024 + 512 * 1024, 'pane.size.megabytes', 25.5],
  ])('%i bytes', (bytes, key, value) => {
    expect(describeSize(bytes)).toEqual({ key, value });
  });
});
