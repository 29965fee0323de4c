// What classic Outlook's JavaScript-only runtime offers besides the ECMAScript built-ins, declared by hand
// so that the handler layers compile without the DOM library: anything else (document, window,
// localStorage) is a compile error there (docs/architecture.md, "The handler bundle").
declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

declare function setTimeout(handler: () => void, timeoutMs: number): number;
declare function clearTimeout(handle: number | undefined): void;

interface RuntimeFetchResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

declare function fetch(
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; cache?: 'no-store' | 'no-cache' | 'default' },
): Promise<RuntimeFetchResponse>;

/** Web Crypto's random source; not every runtime is known to have it, so callers check before use. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T } | undefined;
