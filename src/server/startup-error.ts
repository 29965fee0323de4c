export type StartupErrorCode = 'bad-policy' | 'missing-dist' | 'bad-environment' | 'bad-certificate';

/** Why the server refused to start; main.ts prints `message` and `details` and exits non-zero. */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    readonly code: StartupErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
