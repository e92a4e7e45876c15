import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { PinoLogger } from './pino-logger';

/**
 * Nest's start-up chatter: a line per module loaded, per controller and per route mapped
 * (~190 lines for this API). Logged at debug (`LOG_LEVEL=debug` shows them), so that a start
 * prints what matters: migrations applied, warnings, "successfully started".
 */
export const STARTUP_CHATTER: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The app's logger: pino's, with Nest's start-up chatter moved to debug. */
export class AppLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && STARTUP_CHATTER.has(context)) this.inner.debug?.(message, ...rest);
    else this.inner.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.inner.fatal?.(message, ...rest);
  }
}

/** The logger an app hands to `useLogger`. */
export function appLogger(app: INestApplicationContext): AppLogger {
  return new AppLogger(app.get(PinoLogger));
}
