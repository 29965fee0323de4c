// Opening a ZIP (plain archive or OOXML package) within the budget: the central directory is checked first
// (encryption, member count, declared sizes, declared ratio), every local header is found from it, then a
// member is inflated by the injected inflater (inflate.ts) and counted chunk by chunk, so a size that lies
// is caught while inflating and inflation stops there, before the output is held in memory.
import type { RawInflater } from './inflate.js';
import type { ExtractionBudget, ExtractionLimit } from './types.js';
import { readZipDirectory, u16, u32, type ZipMember } from './zip-directory.js';

export interface OpenArchive {
  /** Members in directory order, directories left out. */
  readonly members: readonly ZipMember[];
  has(name: string): boolean;
  read(name: string): Promise<MemberRead>;
  /** The member's bytes as they inflate, within the budget; nothing is kept here. */
  stream(name: string, take: (chunk: Uint8Array) => void): Promise<MemberStream>;
}

export type MemberStream = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly limit?: ExtractionLimit };

export type MemberRead = { readonly ok: true; readonly bytes: Uint8Array } | Exclude<MemberStream, { readonly ok: true }>;

export type ArchiveOpening =
  | { readonly status: 'open'; readonly archive: OpenArchive }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly limit?: ExtractionLimit };

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const SUPPORTED_METHODS = new Set([STORED, DEFLATED]);

/** The member's compressed data, or null when its local header is missing or the data runs past the end. */
function memberData(bytes: Uint8Array, member: ZipMember): Uint8Array | null {
  const at = member.localHeaderOffset;
  if (at < 0 || at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return null;
  // The local header's own name and extra lengths, which may differ from the central directory's.
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + member.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

function limitFailure(limit: ExtractionLimit): { readonly ok: false; readonly reason: string; readonly limit: ExtractionLimit } {
  return { ok: false, reason: `limit:${limit}`, limit };
}

function exceedsRatio(produced: number, compressed: number, budget: ExtractionBudget): boolean {
  const { maxRatio, ratioFloorBytes } = budget.limits;
  return produced > ratioFloorBytes && produced > maxRatio * Math.max(compressed, 1);
}

function declaredProblem(member: ZipMember, budget: ExtractionBudget): ExtractionLimit | null {
  if (member.uncompressedSize > budget.limits.maxEntryBytes) return 'entry-bytes';
  if (exceedsRatio(member.uncompressedSize, member.compressedSize, budget)) return 'ratio';
  return null;
}

/** Output collected into one buffer sized from the declared size, grown only when the declaration was low. */
class OutputBuffer {
  private bytes: Uint8Array;
  size = 0;

  constructor(declared: number) {
    this.bytes = new Uint8Array(Math.max(declared, 64));
  }

  append(chunk: Uint8Array): void {
    if (this.size + chunk.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + chunk.length));
      grown.set(this.bytes.subarray(0, this.size));
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.size);
    this.size += chunk.length;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.size);
  }
}

async function inflateMember(
  compressed: Uint8Array,
  member: ZipMember,
  budget: ExtractionBudget,
  inflater: RawInflater,
  take: (chunk: Uint8Array) => void,
): Promise<MemberStream> {
  let size = 0;
  let stop: ExtractionLimit | null = null;
  const end = await inflater(compressed, (chunk) => {
    size += chunk.length;
    stop =
      budget.chargeBytes(chunk.length) ??
      (size > budget.limits.maxEntryBytes ? 'entry-bytes' : null) ??
      (exceedsRatio(size, member.compressedSize, budget) ? 'ratio' : null) ??
      budget.step();
    if (stop !== null) return false;
    take(chunk);
    return true;
  });
  if (stop !== null) return limitFailure(stop);
  return end === 'end' ? { ok: true } : { ok: false, reason: 'corrupt' };
}

function storedMember(data: Uint8Array, budget: ExtractionBudget, take: (chunk: Uint8Array) => void): MemberStream {
  const limit = budget.chargeBytes(data.length) ?? (data.length > budget.limits.maxEntryBytes ? 'entry-bytes' : null) ?? budget.step();
  if (limit !== null) return limitFailure(limit);
  take(data);
  return { ok: true };
}

export function openArchive(bytes: Uint8Array, budget: ExtractionBudget, inflater: RawInflater | null): ArchiveOpening {
  const directory = readZipDirectory(bytes, budget.limits.maxEntries);
  if (!directory.ok) {
    return directory.reason === 'limit:entries'
      ? { status: 'uninspectable', reason: directory.reason, limit: 'entries' }
      : { status: 'uninspectable', reason: directory.reason };
  }
  const encrypted = directory.members.find((member) => member.encryption !== 'none');
  if (encrypted !== undefined) return { status: 'encrypted', reason: encrypted.encryption };
  if (directory.members.some((member) => !SUPPORTED_METHODS.has(member.method))) {
    return { status: 'uninspectable', reason: 'unsupported-compression' };
  }
  const members = directory.members.filter((member) => !member.isDirectory);
  const data = new Map<string, { readonly member: ZipMember; readonly compressed: Uint8Array }>();
  for (const member of members) {
    const compressed = memberData(bytes, member);
    // A local header that is not where the directory says, or data past the end: the archive is damaged.
    if (compressed === null) return { status: 'uninspectable', reason: 'corrupt' };
    if (!data.has(member.name)) data.set(member.name, { member, compressed });
  }
  if (inflater === null && members.some((member) => member.method === DEFLATED)) {
    return { status: 'uninspectable', reason: 'inflater-unavailable' };
  }
  const stream = async (name: string, take: (chunk: Uint8Array) => void): Promise<MemberStream> => {
    const entry = data.get(name);
    if (entry === undefined) return { ok: false, reason: 'corrupt' };
    const { member, compressed } = entry;
    const declared = declaredProblem(member, budget);
    if (declared !== null) return limitFailure(declared);
    const remaining = budget.limits.maxTotalBytes - budget.bytesRead;
    if (member.uncompressedSize > remaining) return limitFailure('total-bytes');
    if (member.method === STORED) return storedMember(compressed, budget, take);
    return inflater === null ? { ok: false, reason: 'inflater-unavailable' } : inflateMember(compressed, member, budget, inflater, take);
  };
  return {
    status: 'open',
    archive: {
      members,
      has: (name) => data.has(name),
      stream,
      async read(name) {
        const output = new OutputBuffer(data.get(name)?.member.uncompressedSize ?? 0);
        const streamed = await stream(name, (chunk) => output.append(chunk));
        return streamed.ok ? { ok: true, bytes: output.result() } : streamed;
      },
    },
  };
}
