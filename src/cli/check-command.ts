// `preflight check`: read the policy, evaluate every message, print verdicts, return the exit code.
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_POLICY, evaluate, type Policy } from '../policy/index.js';
import type { OutputFormat } from './arguments.js';
import { checkExitCode, EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatVerdictsJson } from './format-json.js';
import { formatNote, formatProblems, formatVerdict } from './format-text.js';
import { readInput, type CliIo } from './io.js';
import type { MessageReport } from './message-report.js';
import { parseMessageFile } from './message-input.js';
import { inspectMessage } from './message-inspection.js';
import { parsePolicyFile } from './policy-input.js';

export interface CheckOptions {
  readonly locale: Locale;
  readonly policyFile?: string;
  readonly format: OutputFormat;
  readonly messages: readonly string[];
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options, io);
  if (policy === undefined) return EXIT_CODES.unreadableInput;
  const reports: MessageReport[] = [];
  for (const file of options.messages) reports.push(await checkMessage(file, policy, io));
  for (const report of reports) {
    if (report.kind === 'unreadable') {
      io.writeError(formatProblems('cli.input.unreadableMessage', report.file, report.problems, options.locale));
    }
  }
  const verdicts = reports.flatMap((report) => (report.kind === 'verdict' ? [report] : []));
  io.writeOut(
    options.format === 'json'
      ? formatVerdictsJson(verdicts, options.messages.length > 1)
      : verdicts.map(({ file, verdict }) => formatVerdict(file, verdict, options.locale)).join('\n'),
  );
  return checkExitCode(
    verdicts.map(({ verdict }) => verdict.decision),
    reports.length - verdicts.length,
  );
}

async function loadPolicy(options: CheckOptions, io: CliIo): Promise<Policy | undefined> {
  if (options.policyFile === undefined) {
    io.writeError(formatNote('cli.check.defaultPolicy', options.locale));
    return DEFAULT_POLICY;
  }
  const bytes = await readInput(io, options.policyFile);
  const parsed = bytes.ok ? parsePolicyFile(bytes.value) : bytes;
  if (parsed.ok) return parsed.value;
  io.writeError(formatProblems('cli.policy.unusable', options.policyFile, parsed.problems, options.locale));
  return undefined;
}

async function checkMessage(file: string, policy: Policy, io: CliIo): Promise<MessageReport> {
  const bytes = await readInput(io, file);
  const snapshot = bytes.ok ? await parseMessageFile(file, bytes.value) : bytes;
  if (!snapshot.ok) return { kind: 'unreadable', file, problems: snapshot.problems };
  const inspection = await inspectMessage(snapshot.value);
  return { kind: 'verdict', file, verdict: evaluate(snapshot.value, policy, { nowMs: io.nowMs(), inspection }) };
}
