export declare const DEVELOPMENT_ORIGIN: string;
export declare function parseBaseUrl(text: string): string;
export declare function productionManifest(source: string, origin: string, supportUrl?: string): string;
export declare function main(argv: readonly string[]): number;
