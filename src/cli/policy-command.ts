// `preflight policy check FILE`: the same parser the add-in and the server use, with every problem shown.
import type { Locale } from '../i18n/locale.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatPolicySummary, formatProblems } from './format-text.js';
import { readInput, type CliIo } from './io.js';
import { parsePolicyFile } from './policy-input.js';

export async function runPolicyCheck(file: string, locale: Locale, io: CliIo): Promise<ExitCode> {
  const bytes = await readInput(io, file);
  const parsed = bytes.ok ? parsePolicyFile(bytes.value) : bytes;
  if (!parsed.ok) {
    io.writeError(formatProblems('cli.policy.invalid', file, parsed.problems, locale));
    return EXIT_CODES.unreadableInput;
  }
  io.writeOut(formatPolicySummary(file, parsed.value.policy, locale));
  return EXIT_CODES.allow;
}
