// A workbook built as a zip bomb: its sheet says it holds 100 bytes and inflates to a gigabyte of spaces.
// Extraction must stop it at the entry limit, in about the time the limit's bytes take, whatever the
// sheet really holds (docs/inspection.md, "Extraction").
import { deflateRawSync } from 'node:zlib';
import {
  centralDirectoryHeader,
  endOfCentralDirectory,
  localFileHeader,
  METHOD_DEFLATE,
  type EntryRecord,
} from '../server/zip/zip-records.js';

const GIB = 1024 * 1024 * 1024;
const CLAIMED_BYTES = 100;

interface Member {
  readonly name: string;
  readonly content: Buffer;
  readonly claimedSize?: number;
}

/** Our extraction does not check CRCs, so each is written as 0; the sizes are what the bomb is about. */
function zipOf(members: readonly Member[]): Uint8Array {
  const parts: Buffer[] = [];
  const records: EntryRecord[] = [];
  let offset = 0;
  for (const { name, content, claimedSize } of members) {
    const compressed = deflateRawSync(content);
    const record: EntryRecord = {
      name: Buffer.from(name, 'utf8'),
      flags: 0,
      method: METHOD_DEFLATE,
      version: 20,
      dosTime: 0,
      dosDate: 0x21,
      crc: 0,
      compressedSize: compressed.length,
      size: claimedSize ?? content.length,
      extra: Buffer.alloc(0),
      localHeaderOffset: offset,
    };
    const header = localFileHeader(record);
    parts.push(header, compressed);
    records.push(record);
    offset += header.length + compressed.length;
  }
  const directory = Buffer.concat(records.map(centralDirectoryHeader));
  return Buffer.concat([...parts, directory, endOfCentralDirectory(records.length, directory.length, offset)]);
}

export function lyingWorkbook(inflatedBytes = GIB): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', content: Buffer.from('<?xml version="1.0"?><Types/>') },
    {
      name: 'xl/workbook.xml',
      content: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(inflatedBytes, 0x20), claimedSize: CLAIMED_BYTES },
  ]);
}
