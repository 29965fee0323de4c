// What `npm test` checks before it runs anything (scripts/system-packages.js). This machine, like CI,
// has every package, so a missing one is made by pointing at a Chromium that does not exist.
import { describe, expect, it } from 'vitest';
import { ensureSystemPackages, systemChecks } from '../../scripts/system-packages.js';

describe('system packages for the tests', () => {
  it('names the four Debian packages and finds them all here', () => {
    const checks = systemChecks('/usr/bin/chromium');
    expect(checks.map((check) => check.package)).toEqual(['chromium', 'fonts-noto-cjk', 'p7zip-full', 'postgresql']);
    expect(checks.filter((check) => !check.present()).map((check) => check.package)).toEqual([]);
    expect(ensureSystemPackages('/usr/bin/chromium')).toEqual([]);
  });

  it('reports a Chromium that is not where it is looked for, saying what it is for', () => {
    const chromium = systemChecks('/nonexistent/chromium').find((check) => check.package === 'chromium');
    expect(chromium?.present()).toBe(false);
    expect(chromium?.usedFor).toContain('/nonexistent/chromium');
  });
});
