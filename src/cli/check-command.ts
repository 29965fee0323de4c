// `preflight check`: read the policy, inspect and evaluate every message, print verdicts, return the exit code.
import type { Locale } from '../i18n/locale.js';
import { runCheck as checkItem } from '../check/index.js';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../inspect/index.js';
import { attachmentKey, DEFAULT_POLICY, historyDay, pruneHistory, type RecipientHistory } from '../policy/index.js';
import type { OutputFormat } from './arguments.js';
import { checkExitCode, EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatVerdictsJson } from './format-json.js';
import { parseHistoryFile } from './history-input.js';
import { formatCheckSummary, formatNote, formatProblems, formatVerdict } from './format-text.js';
import { readInput, type CliIo } from './io.js';
import { messageFiles } from './message-files.js';
import { detectionThread } from './detection-thread.js';
import { inspectAttachments, type InspectionSettings } from './message-inspection.js';
import type { MessageReport, VerdictReport } from './message-report.js';
import { parseMessageFile } from './message-input.js';
import { nodePdfReader } from './pdf-reader.js';
import { zlibInflater } from './zlib-inflater.js';
import { parsePolicyFile, type PolicyFile } from './policy-input.js';

export interface CheckOptions {
  readonly locale: Locale;
  readonly policyFile?: string;
  readonly format: OutputFormat;
  readonly messages: readonly string[];
  readonly maxAttachmentMb?: number;
  readonly historyFile?: string;
}

/** What every message of one run shares. */
interface CheckRun {
  readonly policy: PolicyFile;
  readonly settings: InspectionSettings;
  /** The sender's history as given by --history, before the policy's limits; null without it. */
  readonly history: RecipientHistory | null;
  /** The run's day (historyDay): the clock is read once, at the edge. */
  readonly today: number;
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options, io);
  if (policy === undefined) return EXIT_CODES.unreadableInput;
  const today = historyDay(io.nowMs());
  const history = await loadHistory(options, today, io);
  if (options.historyFile !== undefined && !policy.policy.recipientHistory.enabled)
    io.writeError(formatNote('cli.history.ignored', options.locale, { file: options.historyFile }));
  if (history === undefined) return EXIT_CODES.unreadableInput;
  const helper = detectionThread();
  const settings: InspectionSettings = {
    limits: extractionLimits(options.maxAttachmentMb, io),
    readers: { pdf: nodePdfReader, inflateRaw: zlibInflater() },
    helper,
  };
  const { files, directories } = await messageFiles(options.messages, io);
  const reports: MessageReport[] = [];
  try {
    for (const entry of files) {
      reports.push(entry.kind === 'file' ? await checkMessage(entry.file, { policy, settings, history, today }, io) : entry);
    }
  } finally {
    await helper.close();
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

/** An empty document is the default policy (src/policy/parse-policy.ts). */
const DEFAULT_POLICY_FILE: PolicyFile = { policy: DEFAULT_POLICY, document: {} };

async function loadPolicy(options: CheckOptions, io: CliIo): Promise<PolicyFile | undefined> {
  if (options.policyFile === undefined) {
    io.writeError(formatNote('cli.check.defaultPolicy', options.locale));
    return DEFAULT_POLICY_FILE;
  }
  const bytes = await readInput(io, options.policyFile);
  const parsed = bytes.ok ? parsePolicyFile(bytes.value) : bytes;
  if (parsed.ok) return parsed.value;
  io.writeError(formatProblems('cli.policy.unusable', options.policyFile, parsed.problems, options.locale));
  return undefined;
}

/** Null without --history; undefined (after saying why) when the file cannot be used. */
async function loadHistory(options: CheckOptions, today: number, io: CliIo): Promise<RecipientHistory | null | undefined> {
  if (options.historyFile === undefined) return null;
  const bytes = await readInput(io, options.historyFile);
  const parsed = bytes.ok ? parseHistoryFile(options.historyFile, bytes.value, today) : bytes;
  if (parsed.ok) return parsed.value;
  io.writeError(formatProblems('cli.history.unusable', options.historyFile, parsed.problems, options.locale));
  return undefined;
}

/**
 * The add-in's own check (src/check) with the file as the item: nothing confirmed, protected or cached,
 * so an attachment without content in a snapshot is pending, as at Send before anything inspected it.
 */
async function checkMessage(file: string, run: CheckRun, io: CliIo): Promise<MessageReport> {
  const { policy, settings, history, today } = run;
  const bytes = await readInput(io, file);
  const parsed = bytes.ok ? await parseMessageFile(file, bytes.value) : bytes;
  if (!parsed.ok) return { kind: 'unreadable', file, problems: parsed.problems };
  const snapshot = parsed.value;
  const result = await checkItem({
    fetchPolicy: () => Promise.resolve(policy.document),
    readItem: () => Promise.resolve({ snapshot, confirmedFingerprint: null, cachedPolicy: null, cachedInspections: [], protection: null }),
    embeddedPolicy: () => null,
    attachmentOutcomes: (item) => inspectAttachments(item, settings),
    readHistory: (limits) => (history === null ? null : pruneHistory(history, today, limits)),
  });
  // The policy was validated when it was read and the item is in memory, so only a bug gets here.
  if (!result.ok) throw result.error;
  const inline = new Set(snapshot.attachments.filter((entry) => entry.inline).map((entry) => attachmentKey(entry)));
  return { kind: 'verdict', file, verdict: result.check.verdict, inspection: result.check.inspection, inline };
}
