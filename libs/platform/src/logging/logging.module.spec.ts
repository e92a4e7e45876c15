import { Controller, Get, INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import pretty from 'pino-pretty';
import request from 'supertest';
import type { AppConfig } from '../config/app-config';
import { requestIdMiddleware } from '../http/request-context';
import { appLogger } from './app-logger';
import { HTTP_LOGGER, logDestination, LoggingModule, PRETTY_OPTIONS } from './logging.module';
import { requestLogOptions } from './request-log';

const SHARE_TOKEN = 'sHaReToKeN-0123456789abcdefghijklmnop';

type Line = Record<string, unknown> & {
  level: number;
  msg?: string;
  context?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  err?: { message: string; stack: string };
};

@Controller()
class ProbeController {
  @Get('shared/reports/:token')
  report(): string {
    new Logger('Reports').log('opening a shared report');
    new Logger('Reports').debug('below the level');
    return 'ok';
  }

  @Get('fail')
  fail(): string {
    throw new Error('kaput');
  }

  @Get('health/ready')
  ready(): string {
    return 'ok';
  }

  @Get('health')
  health(): string {
    new Logger('Health').warn('checked');
    return 'ok';
  }
}

function sink(): { lines: Line[]; stream: Writable } {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Line),
      );
      done();
    },
  });
  return { lines, stream };
}

const settle = () => new Promise((r) => setImmediate(r));

/** The logging module as the API composes it (request ids, the `/api/v1` prefix but for health), writing to memory. */
async function probeApp(): Promise<{ app: INestApplication; lines: Line[] }> {
  const config = { log: { level: 'info', pretty: false } } as AppConfig;
  const { lines, stream } = sink();
  const moduleRef = await Test.createTestingModule({ imports: [LoggingModule.forRoot(config)], controllers: [ProbeController] })
    .overrideProvider(HTTP_LOGGER)
    .useValue(pinoHttp(requestLogOptions(config), stream))
    .compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  app.useLogger(appLogger(app));
  app.use(requestIdMiddleware);
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  await app.init();
  return { app, lines };
}

describe('LoggingModule', () => {
  let app: INestApplication;
  let lines: Line[];

  beforeAll(async () => ({ app, lines } = await probeApp()));
  afterAll(() => app.close());
  beforeEach(() => void (lines.length = 0));

  it('logs a request in one line with its id and redacted URL, and Logger calls in it with the same id', async () => {
    await request(app.getHttpServer()).get(`/api/v1/shared/reports/${SHARE_TOKEN}`).set('X-Request-Id', 'req-1').expect(200);
    await settle();
    expect(JSON.stringify(lines)).not.toContain(SHARE_TOKEN);
    const url = '/api/v1/shared/reports/[redacted]';
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Reports', msg: 'opening a shared report', req: { id: 'req-1', method: 'GET', url } }),
      expect.objectContaining({ level: 30, msg: 'request completed', req: { id: 'req-1', method: 'GET', url }, res: { statusCode: 200 } }),
    ]);
  });

  it('keeps requests apart: each Logger line carries its own request’s id', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((id) => request(app.getHttpServer()).get(`/api/v1/shared/reports/x`).set('X-Request-Id', id).expect(200)),
    );
    await settle();
    const reports = lines.filter((l) => l.context === 'Reports');
    expect(reports.map((l) => l.req?.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('binds the request logger on a path excluded from the prefix too', async () => {
    await request(app.getHttpServer()).get('/health').set('X-Request-Id', 'req-h').expect(200);
    await settle();
    // the request line itself is left out (autoLogging ignores /health); the handler's is not
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, context: 'Health', msg: 'checked', req: expect.objectContaining({ id: 'req-h' }) }),
    ]);
  });

  it('logs a request on a path excluded from the prefix once', async () => {
    await request(app.getHttpServer()).get('/health/ready').set('X-Request-Id', 'req-r').expect(200);
    await settle();
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request completed', req: { id: 'req-r', method: 'GET', url: '/health/ready' } }),
    ]);
  });

  it('writes an unhandled error with its stack and the request id', async () => {
    await request(app.getHttpServer()).get('/api/v1/fail').set('X-Request-Id', 'req-f').expect(500);
    await settle();
    const failure = lines.find((l) => l.context === 'ExceptionsHandler');
    expect(failure).toMatchObject({ level: 50, req: { id: 'req-f' }, err: { message: 'kaput' } });
    expect(failure?.err?.stack).toMatch(/Error: kaput\n\s+at /);
    expect(lines.at(-1)).toMatchObject({ level: 50, req: { id: 'req-f' }, res: { statusCode: 500 } });
  });

  it('writes outside a request to the same logger, without a request', () => {
    new Logger('Boot').warn('outside');
    expect(lines).toEqual([expect.objectContaining({ level: 40, context: 'Boot', msg: 'outside' })]);
    expect(lines[0]).not.toHaveProperty('req');
  });

  it('works without an HTTP server (worker, CLI)', async () => {
    const config = { log: { level: 'info', pretty: false } } as AppConfig;
    const { lines: own, stream } = sink();
    const moduleRef = await Test.createTestingModule({ imports: [LoggingModule.forRoot(config)] })
      .overrideProvider(HTTP_LOGGER)
      .useValue(pinoHttp(requestLogOptions(config), stream))
      .compile();
    const context = await moduleRef.init();
    appLogger(context).log('processing jobs', 'Worker');
    expect(own).toEqual([expect.objectContaining({ level: 30, context: 'Worker', msg: 'processing jobs' })]);
    await context.close();
  });
});

describe('log destination', () => {
  it('is pino’s default (JSON to stdout) unless LOG_PRETTY', () => {
    expect(logDestination({ log: { level: 'info', pretty: false } } as AppConfig)).toBeUndefined();
    expect(logDestination({ log: { level: 'info', pretty: true } } as AppConfig)).toHaveProperty('write');
  });

  it('prints a pretty line as “context: message”', async () => {
    const out: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        out.push(chunk.toString('utf8'));
        done();
      },
    });
    const stream = pretty({ ...PRETTY_OPTIONS, colorize: false, destination });
    stream.write(
      `${JSON.stringify({ level: 30, time: Date.now(), pid: 1, hostname: 'h', context: 'Migrations', msg: 'applied Init1' })}\n`,
    );
    await settle();
    expect(out.join('')).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Migrations: applied Init1\n$/);
  });
});
