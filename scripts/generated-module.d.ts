export declare function packageVersion(name: string): string;
export declare function writeWhenRun(scriptUrl: string, output: string, moduleText: () => string): void;
