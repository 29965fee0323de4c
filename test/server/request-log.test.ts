import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/server/api-hygiene/log-redaction.js';
import { buildApp } from '../../src/server/app.js';
import type { LogLevel } from '../../src/server/config.js';
import { installErrorHandlers } from '../../src/server/error-handler.js';
import { requestLogController, requestLogLevelFor, type RequestLogLevel } from '../../src/server/request-log.js';
import { logCapture, workspace, type LogRecord } from './fixtures.js';

const DEBUG = 20;
const INFO = 30;
const ERROR = 50;

const files = workspace();
afterAll(() => files.remove());

const isRequestLine = (record: LogRecord): boolean => record.msg === 'incoming request' || record.msg === 'request completed';

async function requestLines(logLevel: LogLevel, requestLogLevel?: RequestLogLevel): Promise<LogRecord[]> {
  const logs = logCapture();
  const config = files.config({ logLevel, ...(requestLogLevel === undefined ? {} : { requestLogLevel }) });
  const app = await buildApp(config, { logStream: logs.stream });
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  await app.close();
  return logs.records.filter(isRequestLine);
}

describe('requestLogLevelFor', () => {
  it.each(['https://localhost:3000', 'https://127.0.0.1:4000', 'https://[::1]:3000'])('%s (npm start) → debug', (origin) => {
    expect(requestLogLevelFor(origin)).toBe('debug');
  });

  it('a real host → info', () => {
    expect(requestLogLevelFor('https://preflight.example.co.jp')).toBe('info');
  });
});

describe('request lines through buildApp', () => {
  it('are hidden at the default info level when they are debug', async () => {
    expect(await requestLines('info', 'debug')).toEqual([]);
  });

  it('show at debug with PREFLIGHT_LOG_LEVEL=debug', async () => {
    const lines = await requestLines('debug', 'debug');
    expect(lines.map((record) => [record.msg, record.level])).toEqual([
      ['incoming request', DEBUG],
      ['request completed', DEBUG],
    ]);
  });

  it('stay at info when the config does not say', async () => {
    const lines = await requestLines('info');
    expect(lines.map((record) => [record.msg, record.level])).toEqual([
      ['incoming request', INFO],
      ['request completed', INFO],
    ]);
  });
});

describe('requestLogController', () => {
  it('keeps a failed request at error level while request lines are debug', async () => {
    const logs = logCapture();
    const app = Fastify({ logger: loggerOptions('info', logs.stream), logController: requestLogController('debug') });
    installErrorHandlers(app);
    app.get('/broken', async () => {
      throw new Error('disk on fire');
    });
    expect((await app.inject({ url: '/broken' })).statusCode).toBe(500);
    await app.close();
    expect(logs.records.filter(isRequestLine)).toEqual([]);
    expect(logs.records.find((record) => record.msg === 'Request failed')?.level).toBe(ERROR);
  });
});
