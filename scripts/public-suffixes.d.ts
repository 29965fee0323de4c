export interface TldtsRule {
  /** Right to left: `['jp', 'co']`. */
  readonly labels: readonly string[];
  /** 1: ICANN section, 2: private section. */
  readonly section: number;
  readonly exception: boolean;
}
/** Every rule tldts carries, Unicode spellings included. */
export declare function tldtsRules(): TldtsRule[];
/** A rule as the list writes it: `*.kawasaki.jp`, `!city.kawasaki.jp`. */
export declare function ruleText(rule: TldtsRule): string;
/** The text of src/policy/lookalike/public-suffix-data.ts as the tldts installed now gives it. */
export declare function publicSuffixModule(): string;
/** The kept rules as trie text, before compression. */
export declare function packedRules(): { count: number; rules: string; exceptions: string };
