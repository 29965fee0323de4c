// The `preflight` command: parse the command line, run one command, return its exit code.
import { translate } from '../i18n/translate.js';
import { parseCommandLine } from './arguments.js';
import { runCheck } from './check-command.js';
import { EXIT_CODES } from './exit-codes.js';
import { formatHelp, formatUsageError } from './format-text.js';
import { runPolicyImport } from './import-command.js';
import { environmentLocale, processIo, type CliIo } from './io.js';
import { runPolicyCheck } from './policy-command.js';

export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommandLine(args, environmentLocale(io.environment));
  switch (command.kind) {
    case 'help':
      io.writeOut(formatHelp(command.topic, command.locale));
      return EXIT_CODES.allow;
    case 'usage-error':
      io.writeError(formatUsageError(command.error, command.topic, command.locale));
      return EXIT_CODES.usage;
    case 'check':
      return runCheck(command, io);
    case 'policy-check':
      return runPolicyCheck(command.file, command.locale, io);
    case 'policy-import':
      return runPolicyImport(command, io);
  }
}

/**
 * Entry point for bin/preflight.js. An unexpected exception must not leave Node's default exit code 1,
 * which would read as "confirm"; it becomes 70 (EX_SOFTWARE) with the stack on stderr.
 */
export async function start(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const io = processIo();
  const fail = (error: unknown): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.writeError(translate(environmentLocale(io.environment), 'cli.internalError', { detail }) + '\n');
    process.exitCode = EXIT_CODES.internalError;
  };
  // A reader that stops early (`| head`) closes the pipe: the verdict's exit code still stands.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') fail(error);
  });
  try {
    process.exitCode = await main(args, io);
  } catch (error) {
    fail(error);
  }
}
