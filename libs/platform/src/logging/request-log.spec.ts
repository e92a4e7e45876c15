import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import type { AppConfig } from '../config/app-config';
import { redactUrl, requestLogOptions } from './request-log';

const SHARE_TOKEN = 'sHaReToKeN-0123456789abcdefghijklmnop';
const CONFIRM_TOKEN = 'cOnFiRmToKeN-0123456789';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.bearer-secret.sig';
const COOKIE = 'lp_refresh=cookie-secret-value';

/** The request logger as the app composes it, writing its lines to memory. */
function loggedServer(handler: (req: IncomingMessage, res: ServerResponse) => void): {
  server: ReturnType<typeof createServer>;
  lines: string[];
} {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = { log: { level: 'info', pretty: false } } as AppConfig;
  const log = pinoHttp(requestLogOptions(config), sink);
  const server = createServer((req, res) => {
    log(req, res);
    handler(req, res);
  });
  return { server, lines };
}

describe('request log', () => {
  it.each([
    ['a share link', `/api/v1/shared/reports/${SHARE_TOKEN}`, 200],
    ['a share link with a query', `/api/v1/shared/reports/${SHARE_TOKEN}?download=1`, 404],
    ['a share link opened in the app', `/r/${SHARE_TOKEN}`, 200],
    ['a share link’s JSON', `/api/v1/shared/reports/${SHARE_TOKEN}/report.json`, 200],
    ['a confirmation token in the query', `/api/v1/public/confirm-email?token=${CONFIRM_TOKEN}`, 400],
    ['a reset token in the query', `/reset?token=${CONFIRM_TOKEN}&x=1`, 200],
    ['a failing request', `/api/v1/shared/reports/${SHARE_TOKEN}`, 500],
  ])('writes no secret for %s, nor the Authorization and Cookie headers', async (_what, url, status) => {
    const { server, lines } = loggedServer((_req, res) => {
      res.statusCode = status;
      res.end('x');
    });
    await request(server).get(url).set('Authorization', `Bearer ${BEARER}`).set('Cookie', COOKIE).expect(status);
    await new Promise((r) => setImmediate(r));
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [SHARE_TOKEN, CONFIRM_TOKEN, BEARER, 'bearer-secret', 'cookie-secret-value', 'token='])
      expect(all).not.toContain(secret);
    const line = JSON.parse(lines[lines.length - 1]) as { req: { url: string; method: string }; res: { statusCode: number } };
    expect(line.req.method).toBe('GET');
    expect(line.res.statusCode).toBe(status);
    expect(line.req.url).toBe(redactUrl(url));
  });

  it.each([
    [`/api/v1/shared/reports/${SHARE_TOKEN}`, '/api/v1/shared/reports/[redacted]'],
    [`/API/V1/SHARED/REPORTS/${SHARE_TOKEN}/`, '/API/V1/SHARED/REPORTS/[redacted]/'],
    [`/api/v1/shared/reports/${SHARE_TOKEN}/report.json`, '/api/v1/shared/reports/[redacted]/report.json'],
    [`/r/${SHARE_TOKEN}`, '/r/[redacted]'],
    ['/reset', '/reset'],
    [`/api/v1/public/confirm-email?token=${CONFIRM_TOKEN}`, '/api/v1/public/confirm-email'],
    ['/api/v1/panellists?q=anna%40example.test&limit=5', '/api/v1/panellists'],
    ['/api/v1/reports/4b1c/share-links', '/api/v1/reports/4b1c/share-links'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
