/** The file the build writes into dist/, served at /third-party-notices.txt. */
export declare const NOTICES_FILE: string;
/** The package directory holding `resource`, or null for a file of this repository. */
export declare function packageDirectoryOf(resource: string): string | null;
/** One package's entry: name, version, licence, then its licence files as they are. */
export declare function packageNotice(directory: string): string;
/** The whole file for these package directories and these repository files (paths with `/`). */
export declare function noticesText(root: string, packageDirectories: Iterable<string>, dataSources: ReadonlySet<string>): string;
/** The webpack plugin; one instance shared by both builds. */
export declare class ThirdPartyNoticesPlugin {
  constructor(root: string, output: string);
  apply(compiler: unknown): void;
}
