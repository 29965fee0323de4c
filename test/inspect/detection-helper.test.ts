import { describe, expect, it } from 'vitest';
import {
  compileCustomRules,
  detectAll,
  detectionClient,
  detectionService,
  inspectAttachment,
  restartingHelper,
  type DetectionHelper,
  type HelperAnswer,
  type HelperEvents,
  type HelperRequest,
} from '../../src/inspect/index.js';
import { tallyOf } from '../../src/inspect/part-tally.js';
import { customerWorkbook, zipOf } from './extract/fixtures.js';

/** Both ends in one thread, each message delivered a task later, as between threads. */
function pairedHelper(): { helper: ReturnType<typeof detectionClient>; requests: HelperRequest[]; busy: boolean[] } {
  const requests: HelperRequest[] = [];
  const busy: boolean[] = [];
  const later = (deliver: () => void): void => void setTimeout(deliver, 0);
  const service = detectionService((answer: HelperAnswer) => later(() => helper.receive(answer)), later);
  const helper = detectionClient(
    (request) => {
      requests.push(request);
      later(() => service(request));
    },
    (now) => busy.push(now),
  );
  return { helper, requests, busy };
}

const ROWS = '顧客000001\t東京都千代田区丸の内1-2-3\t03-1234-5678\nマイナンバー 1234 5678 9018\ttaro@example.co.jp\n';

describe('detectionService and detectionClient', () => {
  it('answer an ended stream with the tally of its pieces, and say when they are busy', async () => {
    const { helper, busy } = pairedHelper();
    const text = ROWS.repeat(2000);
    const stream = helper.open({ maxSamples: 3 });
    for (let start = 0; start < text.length; start += 7000) stream.write(text.slice(start, start + 7000));
    const ended = stream.end(false);
    await expect(ended.handover).resolves.toBe(text.length);
    await expect(ended.result).resolves.toEqual({ tally: tallyOf(detectAll(text), 3), settled: text.length });
    expect(busy).toEqual([true, false]);
  });

  it('detect only the kinds asked for', async () => {
    const { helper } = pairedHelper();
    const stream = helper.open({ kinds: ['email'], maxSamples: 1 });
    stream.write(ROWS);
    const { tally } = await stream.end(false).result;
    expect(tally.map((kind) => kind.kind)).toEqual(['email']);
  });

  it('hand the last half of the pieces not yet begun back at a split, and settle only what starts before them', async () => {
    const { helper } = pairedHelper();
    const text = ROWS.repeat(3000);
    const pieces: string[] = [];
    for (let start = 0; start < text.length; start += 20_000) pieces.push(text.slice(start, start + 20_000));
    const stream = helper.open({ maxSamples: 3 });
    for (const piece of pieces) stream.write(piece);
    // Ended before any piece was begun: the helper keeps the first half and hands the rest back.
    const ended = stream.end(true);
    const kept = pieces.length - Math.floor(pieces.length / 2);
    const until = pieces.slice(0, kept).join('').length;
    await expect(ended.handover).resolves.toBe(until);
    const { tally, settled } = await ended.result;
    expect(settled).toBeLessThanOrEqual(until);
    expect(settled).toBeGreaterThan(until - 100);
    expect(tally).toEqual(
      tallyOf(
        detectAll(text).filter((match) => match.start < settled),
        3,
      ),
    );
  });

  it('reject every waiting stream when the helper thread is gone', async () => {
    const { helper } = pairedHelper();
    const first = helper.open({ maxSamples: 3 });
    const second = helper.open({ maxSamples: 3 });
    first.write(ROWS);
    helper.fail('the worker exited');
    await expect(first.end(false).result).rejects.toThrow(/the worker exited/);
    await expect(second.end(true).handover).rejects.toThrow(/the worker exited/);
  });

  it('reject a stream whose message could not be posted', async () => {
    const helper = detectionClient(() => {
      throw new Error('DataCloneError');
    });
    await expect(helper.open({ maxSamples: 3 }).end(false).result).rejects.toThrow(/DataCloneError/);
  });

  it('answer a stream it never opened with an error, not a tally', () => {
    const answers: HelperAnswer[] = [];
    const service = detectionService(
      (answer) => answers.push(answer),
      (step) => step(),
    );
    service({ type: 'piece', stream: 9, text: ROWS });
    service({ type: 'end', stream: 9, split: false });
    expect(answers).toEqual([{ stream: 9, error: 'no open stream 9' }]);
  });
});

describe('restartingHelper', () => {
  /** Threads that serve in this thread, as pairedHelper does; each started one is kept with its events. */
  function threads() {
    const started: { events: HelperEvents; id: number }[] = [];
    const helper = restartingHelper((events) => {
      const service = detectionService(
        (answer) => setTimeout(() => events.receive(answer), 0),
        (step) => setTimeout(step, 0),
      );
      const thread = { events, id: started.length + 1, post: (request: HelperRequest) => setTimeout(() => service(request), 0), busy() {} };
      started.push(thread);
      return thread;
    });
    return { helper, started };
  }

  it('starts its thread at the first stream and keeps it for the next', async () => {
    const { helper, started } = threads();
    const first = helper.open({ maxSamples: 3 });
    first.write(ROWS);
    await expect(first.end(false).result).resolves.toMatchObject({ settled: ROWS.length });
    await helper.open({ maxSamples: 3 }).end(false).result;
    expect(started).toHaveLength(1);
  });

  it('fails what a thread holds when it is gone, and starts another for the next stream', async () => {
    const { helper, started } = threads();
    const lost = helper.open({ maxSamples: 3 });
    started[0]?.events.gone('the thread exited');
    await expect(lost.end(false).result).rejects.toThrow(/the thread exited/);
    await helper.open({ maxSamples: 3 }).end(false).result;
    expect(started).toHaveLength(2);
  });

  it('gives its thread up on take, and fails every stream of a thread that cannot start', async () => {
    const { helper, started } = threads();
    helper.open({ maxSamples: 3 });
    expect(helper.take()).toBe(started[0]);
    expect(helper.take()).toBeNull();
    const refused = restartingHelper(() => {
      throw new Error('no Worker here');
    });
    await expect(refused.open({ maxSamples: 3 }).end(false).result).rejects.toThrow(/no Worker here/);
  });
});

describe('inspectAttachment with a detection helper', () => {
  // About 9.7 MB of sheet XML: half of it, what extraction expects of its text, is above
  // STREAM_FROM_BYTES, so the sheet is streamed.
  const rows = 50_000;
  const workbook = zipOf(customerWorkbook(rows));
  const attachment = { name: '顧客一覧.xlsx', size: 0 };

  it('finds what it finds alone, with the large sheet detected by the helper in pieces', async () => {
    const bytes = await workbook;
    const alone = await inspectAttachment(attachment, bytes);
    const { helper, requests } = pairedHelper();
    const helped = await inspectAttachment(attachment, bytes, { helper });
    expect(helped).toEqual(alone);
    expect(alone.personalData.find((tally) => tally.kind === 'my-number')?.high).toBe(Math.floor(rows / 7));
    expect(requests.filter((request) => request.type === 'piece').length).toBeGreaterThan(3);
  });

  it('detects the text itself when the helper fails', async () => {
    const bytes = await workbook;
    const alone = await inspectAttachment(attachment, bytes);
    const failing: DetectionHelper = {
      open: () => ({
        write() {},
        end: () => ({ handover: Promise.reject(new Error('worker crashed')), result: Promise.reject(new Error('worker crashed')) }),
      }),
    };
    await expect(inspectAttachment(attachment, bytes, { helper: failing })).resolves.toEqual(alone);
  });

  it('keeps a text whole when the organisation’s terms are looked for', async () => {
    const bytes = await workbook;
    const { helper, requests } = pairedHelper();
    const custom = compileCustomRules({ terms: ['社外秘'] }).rules;
    await inspectAttachment(attachment, bytes, { helper, detect: { custom } });
    expect(requests).toEqual([]);
  });
});

describe('inspectAttachment with a detection helper, on a text extraction keeps whole', () => {
  // A CSV of about 4.8 million units, at STREAM_FROM_BYTES or above: handed to the helper after extraction.
  const csv = new TextEncoder().encode(ROWS.replaceAll('\t', ',').repeat(60_000));
  const zipped = zipOf({ '顧客.csv': csv, 'memo.txt': new TextEncoder().encode('連絡先 taro@example.co.jp') });

  it('finds what it finds alone, a CSV or a ZIP’s member, with the large text detected in pieces by both', async () => {
    for (const [name, bytes] of [
      ['顧客.csv', csv],
      ['送付.zip', await zipped],
    ] as const) {
      // The repeated rows deflate far past the zip-bomb ratio.
      const limits = { maxRatio: 1e9 };
      const alone = await inspectAttachment({ name, size: 0 }, bytes, { limits });
      const { helper, requests } = pairedHelper();
      const helped = await inspectAttachment({ name, size: 0 }, bytes, { helper, limits });
      expect(helped, name).toEqual(alone);
      expect(alone.personalData.find((tally) => tally.kind === 'my-number')?.high, name).toBe(60_000);
      // One stream, the large text's: the small member stays on this thread.
      expect(
        requests.filter((request) => request.type === 'open'),
        name,
      ).toHaveLength(1);
      expect(requests.filter((request) => request.type === 'piece').length, name).toBeGreaterThanOrEqual(4);
    }
  });
});
