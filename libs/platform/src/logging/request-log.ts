import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

/**
 * Path segments that are credentials: the share-link token is the whole of a shared report's
 * access, in the API's URL and in the app's own page for it (`/r/<token>`, served by this server).
 */
const SECRET_PATHS: readonly RegExp[] = [/^(\/api\/v1\/shared\/reports\/)[^/?#]+/i, /^(\/r\/)[^/?#]+/i];
export const REDACTED = '[redacted]';

/**
 * A request URL as it may be logged: the query string is dropped (it holds `token=` of
 * confirmation and reset links, search text, cursors; none is needed to read a log) and
 * secret path segments are replaced. Referral codes (`?ref=`) go with the query string.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const path = url.split(/[?#]/, 1)[0];
  return SECRET_PATHS.reduce((p, re) => p.replace(re, `$1${REDACTED}`), path);
}

/**
 * The request logger's options (pino-http): one line a request with its id, method, redacted
 * URL and status. Headers are not logged at all (the serializer keeps none), and
 * Authorization, Cookie and webhook signatures are censored should a line ever carry them.
 */
export function requestLogOptions(config: AppConfig): Options {
  return {
    level: config.log.level,
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-leadpanel-signature"]',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: REDACTED,
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
