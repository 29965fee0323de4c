/** The tables as JSON of ASCII characters only. */
export declare function asciiJson(tables: unknown): string;
/** The module the handler build puts in place of src/i18n/handler-tables.ts. */
export declare function compressedTablesModule(tables: unknown, inflatePath: string): string;
