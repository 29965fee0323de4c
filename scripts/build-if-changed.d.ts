export declare const DIGEST_FILE: string;
export declare function inputsDigest(root: string): string;
export declare function staleReason(root: string, digest: string): string | null;
export declare function buildIfChanged(options: { root: string; build: () => boolean; log: (line: string) => void }): boolean;
