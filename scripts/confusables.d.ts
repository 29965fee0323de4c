/** The text of src/policy/lookalike/confusables-data.ts as the unhomoglyph installed now gives it. */
export declare function confusablesModule(): string;
