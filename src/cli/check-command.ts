// `preflight check`: read the policy, inspect and evaluate every message, print verdicts, return the exit code.
import type { Locale } from '../i18n/locale.js';
import { attachmentKey, DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../inspect/index.js';
import { DEFAULT_POLICY, evaluate, type Policy } from '../policy/index.js';
import type { OutputFormat } from './arguments.js';
import { checkExitCode, EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatVerdictsJson } from './format-json.js';
import { formatCheckSummary, formatNote, formatProblems, formatVerdict } from './format-text.js';
import { readInput, type CliIo } from './io.js';
import { messageFiles } from './message-files.js';
import { inspectSnapshot, shouldInspect, type InspectionSettings } from './message-inspection.js';
import type { MessageReport, VerdictReport } from './message-report.js';
import { parseMessageFile } from './message-input.js';
import { nodePdfReader } from './pdf-reader.js';
import { parsePolicyFile } from './policy-input.js';

export interface CheckOptions {
  readonly locale: Locale;
  readonly policyFile?: string;
  readonly format: OutputFormat;
  readonly messages: readonly string[];
  readonly maxAttachmentMb?: number;
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options, io);
  if (policy === undefined) return EXIT_CODES.unreadableInput;
  const settings: InspectionSettings = { limits: extractionLimits(options.maxAttachmentMb, io), readers: { pdf: nodePdfReader } };
  const { files, directories } = await messageFiles(options.messages, io);
  const reports: MessageReport[] = [];
  for (const entry of files) {
    reports.push(entry.kind === 'file' ? await checkMessage(entry.file, policy, settings, io) : entry);
  }
  for (const report of reports) {
    if (report.kind === 'unreadable') {
      io.writeError(formatProblems('cli.input.unreadableMessage', report.file, report.problems, options.locale));
    }
  }
  const verdicts = reports.filter((report): report is VerdictReport => report.kind === 'verdict');
  const several = options.messages.length > 1 || directories > 0;
  const decisions = verdicts.map(({ verdict }) => verdict.decision);
  const unreadable = reports.length - verdicts.length;
  const summary = several ? formatCheckSummary(decisions, unreadable, options.locale) : '';
  if (options.format === 'json') {
    io.writeOut(formatVerdictsJson(verdicts, several));
    // stdout stays one JSON document; the tally is for the person watching.
    io.writeError(summary);
  } else {
    io.writeOut(verdicts.map((report) => formatVerdict(report, options.locale)).join('\n') + (summary === '' ? '' : '\n' + summary));
  }
  return checkExitCode(decisions, unreadable);
}

/** The add-in's bounds; `--max-attachment-mb` lowers or raises what one attachment may expand to. */
function extractionLimits(maxAttachmentMb: number | undefined, io: CliIo): Partial<ExtractionLimits> {
  const now = (): number => io.nowMs();
  if (maxAttachmentMb === undefined) return { now };
  const bytes = maxAttachmentMb * 1024 * 1024;
  return { now, maxTotalBytes: bytes, maxEntryBytes: Math.min(bytes, DEFAULT_EXTRACTION_LIMITS.maxEntryBytes) };
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

async function checkMessage(file: string, policy: Policy, settings: InspectionSettings, io: CliIo): Promise<MessageReport> {
  const bytes = await readInput(io, file);
  const snapshot = bytes.ok ? await parseMessageFile(file, bytes.value) : bytes;
  if (!snapshot.ok) return { kind: 'unreadable', file, problems: snapshot.problems };
  if (!shouldInspect(file, snapshot.value)) {
    return { kind: 'verdict', file, verdict: evaluate(snapshot.value, policy, { nowMs: io.nowMs() }) };
  }
  const inspection = await inspectSnapshot(snapshot.value, settings);
  const inline = new Set(snapshot.value.attachments.filter((entry) => entry.inline).map((entry) => attachmentKey(entry.name, entry.size)));
  return { kind: 'verdict', file, verdict: evaluate(snapshot.value, policy, { nowMs: io.nowMs(), inspection }), inspection, inline };
}
