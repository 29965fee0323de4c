import { describe, expect, it } from 'vitest';
import { lyingWorkbook } from '../../src/bench/lying-workbook.js';
import { zlibInflater } from '../../src/cli/zlib-inflater.js';
import { extractText } from '../../src/inspect/index.js';

const MIB = 1024 * 1024;

describe('the bench’s lying workbook', () => {
  it('is a workbook whose sheet claims 100 bytes, stopped at the entry limit long before its real size', async () => {
    const bomb = lyingWorkbook(8 * MIB);
    expect(bomb.length).toBeLessThan(MIB / 8);
    const stopped = await extractText('bomb.xlsx', bomb, { maxEntryBytes: MIB, maxRatio: 1e9 }, { inflateRaw: zlibInflater() });
    expect(stopped).toMatchObject({ status: 'uninspectable', limit: 'entry-bytes' });
    expect(stopped.bytesRead).toBeLessThan(2 * MIB);
  });

  it('is read whole as an empty workbook when the limit allows its real size', async () => {
    const read = await extractText('bomb.xlsx', lyingWorkbook(MIB), { maxRatio: 1e9 }, { inflateRaw: zlibInflater() });
    expect(read).toMatchObject({ status: 'ok' });
    expect(read.bytesRead).toBeGreaterThan(MIB);
  });
});
