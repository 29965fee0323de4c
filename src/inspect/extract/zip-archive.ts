// Opening a ZIP (plain archive or OOXML package) within the budget: the central directory is checked first
// (encryption, member count, declared sizes, declared ratio), then members are inflated by jszip as a stream
// and counted chunk by chunk, so a size that lies is caught while inflating, before it is held in memory.
import JSZip from 'jszip';
import type { ExtractionBudget, ExtractionLimit } from './types.js';
import { decodeZipName, readZipDirectory, type ZipMember } from './zip-directory.js';

export interface OpenArchive {
  /** Members in directory order, directories left out. */
  readonly members: readonly ZipMember[];
  has(name: string): boolean;
  read(name: string): Promise<MemberRead>;
}

export type MemberRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string; readonly limit?: ExtractionLimit };

export type ArchiveOpening =
  | { readonly status: 'open'; readonly archive: OpenArchive }
  | { readonly status: 'encrypted'; readonly reason: string }
  | { readonly status: 'uninspectable'; readonly reason: string; readonly limit?: ExtractionLimit };

interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  on(event: 'error', listener: (error: unknown) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

interface StreamingZipObject {
  internalStream(type: 'uint8array'): StreamHelper;
}

const SUPPORTED_METHODS = new Set([0, 8]);

function limitFailure(limit: ExtractionLimit): MemberRead {
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

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function inflate(file: JSZip.JSZipObject, member: ZipMember, budget: ExtractionBudget): Promise<MemberRead> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (file as unknown as StreamingZipObject).internalStream('uint8array');
    const settle = (result: MemberRead): void => {
      if (settled) return;
      settled = true;
      if (!result.ok) stream.pause();
      resolve(result);
    };
    stream
      .on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        const limit =
          budget.chargeBytes(chunk.length) ??
          (size > budget.limits.maxEntryBytes ? 'entry-bytes' : null) ??
          (exceedsRatio(size, member.compressedSize, budget) ? 'ratio' : null) ??
          budget.step();
        if (limit !== null) settle(limitFailure(limit));
        else chunks.push(chunk);
      })
      .on('error', () => settle({ ok: false, reason: 'corrupt' }))
      .on('end', () => settle({ ok: true, bytes: concat(chunks, size) }))
      .resume();
  });
}

export async function openArchive(bytes: Uint8Array, budget: ExtractionBudget): Promise<ArchiveOpening> {
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
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, {
      decodeFileName: (name) => decodeZipName(name instanceof Uint8Array ? name : Uint8Array.from(name, (c) => Number(c)), false),
    });
  } catch {
    // jszip rejects local headers that disagree with the directory, truncated data and unknown methods.
    return { status: 'uninspectable', reason: 'corrupt' };
  }
  const members = directory.members.filter((member) => !member.isDirectory);
  const byName = new Map(members.map((member) => [member.name, member] as const));
  return {
    status: 'open',
    archive: {
      members,
      has: (name) => byName.has(name) && zip.file(name) !== null,
      async read(name) {
        const member = byName.get(name);
        const file = zip.file(name);
        if (member === undefined || file === null) return { ok: false, reason: 'corrupt' };
        const declared = declaredProblem(member, budget);
        if (declared !== null) return limitFailure(declared);
        const remaining = budget.limits.maxTotalBytes - budget.bytesRead;
        if (member.uncompressedSize > remaining) return limitFailure('total-bytes');
        try {
          return await inflate(file, member, budget);
        } catch {
          return { ok: false, reason: 'corrupt' };
        }
      },
    },
  };
}
