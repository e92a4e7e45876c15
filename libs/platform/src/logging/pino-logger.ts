import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';

/**
 * The logger of the request being handled: pino-http's child for it, whose bindings hold the
 * serialized `req` (id, method, redacted URL). A store of our own rather than RequestContext's:
 * it is set by the middleware after pino-http, and holds nothing outside a request.
 */
const requestLogger = new AsyncLocalStorage<Pino>();

/**
 * Mounted right after pino-http: what runs for the request (guards, handlers, filters) logs
 * through its child. The last of `req.allLogs`, as nestjs-pino took it: `req.log` is the first
 * one ever set, should pino-http run twice on a request.
 */
export function bindRequestLogger(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  requestLogger.run(req.allLogs.at(-1) ?? req.log, next);
}

/** Nest's level names in pino's terms. */
const LEVELS = { verbose: 'trace', debug: 'debug', log: 'info', warn: 'warn', error: 'error', fatal: 'fatal' } as const;

/**
 * Nest's LoggerService written to pino, with the call convention nestjs-pino 5 had, so that the
 * lines read as before. Outside a request (start-up, the worker, the CLI) it writes to
 * pino-http's root logger, so that there is one pino instance and one destination per app.
 */
export class PinoLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(method: keyof typeof LEVELS, message: unknown, rest: unknown[]): void {
    const level: Level = LEVELS[method];
    const logger = requestLogger.getStore() ?? this.root;
    const fields: Record<string, unknown> = {};
    const params = rest.slice(0, -1);
    if (rest.length > 0) fields.context = rest.at(-1);
    if (typeof message === 'object') {
      if (message instanceof Error) fields.err = message;
      else Object.assign(fields, message);
      logger[level](fields, ...(params as []));
    } else if (level === 'error' && isStackArgument(message, params)) {
      const err = new Error(message);
      err.stack = params[0] as string;
      logger[level]({ ...fields, err });
    } else {
      logger[level](fields, message as string, ...(params as []));
    }
  }
}

/** `error(message, stack)`: how Nest's own exception handlers call it. */
function isStackArgument(message: unknown, params: unknown[]): message is string {
  return typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0]);
}
