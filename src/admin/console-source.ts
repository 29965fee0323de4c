/** Where the console's calls go and how they are signed: the page's origin and its token source. */
export interface ConsoleSource {
  readonly origin: string;
  token(): Promise<string>;
}

export const CALL_TIMEOUT_MS = 30_000;
