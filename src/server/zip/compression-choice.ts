import { constants, deflateRawSync } from 'node:zlib';

export type Compression = 'store' | 'deflate';

// Formats that are already compressed: deflating them again costs time and saves next to nothing.
// OOXML/ODF and the archive formats are ZIPs themselves.
const COMPRESSED_EXTENSIONS = new Set([
  '7z',
  'aac',
  'avi',
  'bz2',
  'docm',
  'docx',
  'dotx',
  'epub',
  'flac',
  'gif',
  'gz',
  'heic',
  'jpeg',
  'jpg',
  'lzh',
  'm4a',
  'mkv',
  'mov',
  'mp3',
  'mp4',
  'odp',
  'ods',
  'odt',
  'ogg',
  'pdf',
  'png',
  'potx',
  'pptm',
  'pptx',
  'rar',
  'tgz',
  'webm',
  'webp',
  'xlsb',
  'xlsm',
  'xlsx',
  'xltx',
  'xz',
  'zip',
  'zst',
]);

/** How much of a file's start the compressibility probe deflates. */
export const SAMPLE_BYTES = 64 * 1024;
/** Deflate only when the sample shrinks below this fraction: smaller gains do not pay for the time. */
const WORTHWHILE_RATIO = 0.9;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Store known compressed formats and empty files; otherwise deflate when a sample of the start compresses. */
export function chooseCompression(name: string, sample: Uint8Array): Compression {
  if (sample.length === 0 || COMPRESSED_EXTENSIONS.has(extensionOf(name))) return 'store';
  const probe = sample.subarray(0, SAMPLE_BYTES);
  const deflated = deflateRawSync(probe, { level: constants.Z_BEST_SPEED });
  return deflated.length < probe.length * WORTHWHILE_RATIO ? 'deflate' : 'store';
}
