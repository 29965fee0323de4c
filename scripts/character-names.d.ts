/** Sorted code points whose names the generated table keeps. */
export declare function coveredCodePoints(): number[];
/** The text of src/policy/lookalike/character-names-data.ts as the packages installed now give it. */
export declare function characterNamesModule(): string;
/** The words, runs and names the generated module compresses, as inflating it gives them back. */
export declare function namesText(): string;
