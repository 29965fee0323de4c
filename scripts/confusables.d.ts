/** The text of src/policy/lookalike/confusables-data.ts as the unhomoglyph installed now gives it. */
export declare function confusablesModule(): string;
/** [prototype, characters] pairs: each kept character under its lower-cased prototype, both sorted. */
export declare function keptMappings(): Array<[string, string[]]>;
/** `value` (a whole number) as the digits src/policy/lookalike/packed-numbers.ts reads. */
export declare function packNumber(value: number): string;
/** The packed table's numbers as digits, as inflating it gives them back. */
export declare function numbersText(): string;
