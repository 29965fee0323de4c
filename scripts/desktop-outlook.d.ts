export declare const OUTLOOK_APP_PATH_KEY: string;
export declare function desktopOutlookVerdict(platform: string, outlookExe: string | null): { ok: boolean; lines: string[] };
export declare function outlookExeFromRegQuery(output: string): string | null;
export declare function toolFailed(stderr: string): boolean;
