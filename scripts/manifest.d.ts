export declare const DEVELOPMENT_ORIGIN: string;
export declare function parseBaseUrl(text: string): string;
export declare const PERMISSIONS: readonly string[];
export declare const PANE_SENDS_QUERY: string;
export declare function withPermissions(manifest: string, permissions: string): string;
export declare function manifestId(manifest: string): string | undefined;
export declare function productionManifest(source: string, origin: string, supportUrl?: string, permissions?: string, id?: string): string;
export declare function main(argv: readonly string[], env?: Readonly<Record<string, string | undefined>>): number;
