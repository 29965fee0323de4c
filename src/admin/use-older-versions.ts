import { useEffect, useState } from 'react';
import { readPolicyVersions } from '../api-client/index.js';
import type { PolicyVersionPage, PolicyVersionSummary } from '../protocol/index.js';
import { CALL_TIMEOUT_MS, type ConsoleSource } from './console-source.js';

/** The history's first page comes with the page; older pages when asked, one at a time. */
export function useOlderVersions(source: ConsoleSource, first: PolicyVersionPage) {
  const [older, setOlder] = useState<readonly PolicyVersionSummary[]>([]);
  const [next, setNext] = useState(first.nextBefore);
  const [phase, setPhase] = useState<'idle' | 'busy' | 'failed'>('idle');
  useEffect(() => {
    setOlder([]);
    setNext(first.nextBefore);
    setPhase('idle');
  }, [first]);
  const more = () => {
    if (next === null) return;
    setPhase('busy');
    source
      .token()
      .then((token) => readPolicyVersions(source.origin, token, CALL_TIMEOUT_MS, next))
      .then(
        (page) => {
          setOlder((before) => [...before, ...page.versions]);
          setNext(page.nextBefore);
          setPhase('idle');
        },
        () => setPhase('failed'),
      );
  };
  return { versions: [...first.versions, ...older], hasMore: next !== null, phase, more };
}
