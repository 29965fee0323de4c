import { KEYWORD_LOCATIONS } from '../../policy/parse-keywords.js';
import { foldText } from '../../policy/text.js';
import type { KeywordLocation, KeywordRule } from '../../policy/types.js';

const MAX_TERM_LENGTH = 200;

/**
 * Keywords from several settings files. Preflight refuses a term written twice (docs/policy.md, `keywords`), so
 * one term found in two places becomes one keyword searched in both, with the stronger action.
 */
export class KeywordCollector {
  private readonly byTerm = new Map<string, { term: string; action: KeywordRule['action']; where: Set<KeywordLocation> }>();

  /** False when the term cannot be a Preflight keyword (empty after NFKC, or longer than 200 characters). */
  add(term: string, action: KeywordRule['action'], where: KeywordLocation): boolean {
    const written = term.normalize('NFKC').trim();
    if (written === '' || written.length > MAX_TERM_LENGTH) return false;
    const folded = foldText(written);
    const known = this.byTerm.get(folded);
    if (known === undefined) {
      this.byTerm.set(folded, { term: written, action, where: new Set([where]) });
      return true;
    }
    if (action === 'block') known.action = 'block';
    known.where.add(where);
    return true;
  }

  keywords(): { term: string; action: KeywordRule['action']; where: KeywordLocation[] }[] {
    return [...this.byTerm.values()].map(({ term, action, where }) => ({
      term,
      action,
      where: KEYWORD_LOCATIONS.filter((location) => where.has(location)),
    }));
  }
}
