// Compound File Binary (OLE2) containers: an encrypted .docx/.xlsx/.pptx is a CFB holding the streams
// EncryptionInfo and EncryptedPackage (docs/inspection.md, "Extraction"); legacy .doc/.xls/.ppt and Outlook .msg are CFB too.
// Only the directory is walked, sector by sector through the FAT, with every index bounds-checked.

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;

export function startsWithCfbSignature(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, index) => bytes[index] === byte);
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

/** Stream and storage names of the directory, or null when the header or the directory chain is broken. */
export function cfbEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWithCfbSignature(bytes) || bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  // The header's DIFAT lists the first 109 FAT sectors; that covers files up to ~7 MB (512-byte sectors)
  // and the directory of larger ones is usually early. A chain we cannot follow ends the walk.
  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index += 1) {
    const sector = u32(bytes, 0x4c + index * 4);
    if (sector >= 0xfffffffa) break;
    fatSectors.push(sector);
  }
  const entriesPerFatSector = sectorSize / 4;
  const nextSector = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return END_OF_CHAIN;
    const at = sectorOffset(fatSector) + (sector % entriesPerFatSector) * 4;
    return at + 4 <= bytes.length ? u32(bytes, at) : END_OF_CHAIN;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  let sector = u32(bytes, 0x30);
  while (sector < 0xfffffffa && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sector);
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) break;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      // The length counts bytes of UTF-16 including the terminating NUL; at most 32 units.
      const unitCount = Math.max(0, Math.min(u16(bytes, entry + 0x40), 64) / 2 - 1);
      const units: number[] = [];
      for (let unit = 0; unit < unitCount; unit += 1) units.push(u16(bytes, entry + unit * 2));
      if (units.length > 0) names.push(String.fromCharCode(...units));
    }
    sector = nextSector(sector);
  }
  return names.length === 0 ? null : names;
}

export type CfbKind = 'encrypted-office' | 'legacy-office' | 'outlook-message' | 'other';

export function classifyCfb(bytes: Uint8Array): CfbKind {
  const names = cfbEntryNames(bytes) ?? [];
  const has = (name: string): boolean => names.includes(name);
  if (has('EncryptionInfo') || has('EncryptedPackage')) return 'encrypted-office';
  if (has('WordDocument') || has('Workbook') || has('Book') || has('PowerPoint Document')) return 'legacy-office';
  if (names.some((name) => name.startsWith('__substg1.0_') || name.startsWith('__properties_version1.0'))) return 'outlook-message';
  return 'other';
}
