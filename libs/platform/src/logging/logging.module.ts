import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import pinoHttp, { type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { bindRequestLogger, PinoLogger } from './pino-logger';
import { requestLogOptions } from './request-log';

/** The app's one pino-http instance; its `logger` is the root every other line is written to. */
export const HTTP_LOGGER = 'HTTP_LOGGER';

/** How a pretty line reads: `[19:12:47] INFO: Migrations: applied Init…`. */
export const PRETTY_OPTIONS = {
  sync: true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,context',
  messageFormat: '{if context}{context}: {end}{msg}',
};

/**
 * `LOG_PRETTY` (the default on a terminal in development): one readable line each, written
 * synchronously, so that what the API prints after them (its banner) comes last. Otherwise
 * pino's default, JSON to stdout.
 */
export function logDestination(config: AppConfig): DestinationStream | undefined {
  return config.log.pretty ? pretty(PRETTY_OPTIONS) : undefined;
}

/**
 * Structured JSON logs (pino); the request id links HTTP lines, errors and audit entries.
 * What nestjs-pino did for us, in our own terms (its 5.x wants Node 22): pino-http on every
 * route, and a Nest LoggerService (`PinoLogger`, handed to `useLogger` by `appLogger`) that
 * writes with the request's child logger inside a request. Apps without an HTTP server (worker,
 * CLI) get the LoggerService alone: `configure` only runs in an HTTP app.
 */
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(HTTP_LOGGER) private readonly httpLogger: HttpLogger) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: HTTP_LOGGER, useFactory: () => pinoHttp(requestLogOptions(config), logDestination(config)) },
        { provide: PinoLogger, useFactory: (http: HttpLogger) => new PinoLogger(http.logger), inject: [HTTP_LOGGER] },
      ],
      exports: [PinoLogger],
    };
  }

  /**
   * Every path: `{/*splat}` is path-to-regexp 8's "anything, the root included". Nest also mounts
   * it on the routes excluded from the global prefix (health, metrics): the spec logs one of them.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.httpLogger, bindRequestLogger).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
