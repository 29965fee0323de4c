// The console shows a policy problem in the reader's language by its code: the draft's, parsed in the
// browser, and the server's, read from its answer; a code it does not know falls back to the English message.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/admin-text.js';
import { PathProblemList } from '../../src/admin/components/PathProblemList.js';
import { parsePolicy } from '../../src/policy/index.js';
import { parsePolicyProblems, type PolicyProblemOnWire } from '../../src/protocol/index.js';

function draftProblems(document: unknown): readonly PolicyProblemOnWire[] {
  const parsed = parsePolicy(document);
  return parsed.ok ? [] : parsed.problems;
}

const REFUSAL = {
  reason: 'invalid-policy',
  problems: [
    { path: '$.internalDomains[0]', message: 'not a valid domain: "a b"', code: 'policy.invalid-domain', params: { value: '"a b"' } },
    { path: '$.future', message: 'something a newer server checks', code: 'policy.from-the-future' },
    { path: '$.older', message: 'a problem from a server without codes' },
  ],
};

describe('policy problems in the console', () => {
  it("shows the draft's problems in Japanese and in English", () => {
    const [problem] = draftProblems({ onError: 'maybe' });
    expect(problem === undefined ? '' : adminText('ja').problem(problem)).toBe('"block", "allow" のいずれかでなければなりません');
    expect(problem === undefined ? '' : adminText('en').problem(problem)).toBe('must be one of "block", "allow"');
  });

  it("reads the server's problems with their codes, and shows an unknown code or none by its message", () => {
    const problems = parsePolicyProblems(REFUSAL);
    expect(problems[0]).toEqual(REFUSAL.problems[0]);
    expect(problems.map((problem) => adminText('ja').problem(problem))).toEqual([
      'ドメインとして正しくありません: "a b"',
      'something a newer server checks',
      'a problem from a server without codes',
    ]);
  });

  it('lists each problem with its path in the reader’s language', () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <PathProblemList problems={draftProblems({ version: 1, internalDomain: [] })} text={adminText('ja')} />
      </FluentProvider>,
    );
    expect(html).toContain(
      '<code>$.internalDomain</code> 不明なキー &quot;internalDomain&quot; です（&quot;internalDomains&quot; の誤りではありませんか）',
    );
  });
});
