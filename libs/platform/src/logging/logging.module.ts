import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { requestLogOptions } from './request-log';

/**
 * Structured JSON logs (pino); the request id links HTTP lines, errors and audit entries.
 * `LOG_PRETTY` (the default on a terminal in development): one readable line each, written
 * synchronously, so that what the API prints after them (its banner) comes last.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const options = requestLogOptions(config);
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: config.log.pretty
            ? [
                options,
                pretty({
                  sync: true,
                  singleLine: true,
                  translateTime: 'SYS:HH:MM:ss',
                  ignore: 'pid,hostname,context',
                  messageFormat: '{if context}{context}: {end}{msg}',
                }),
              ]
            : options,
        }),
      ],
    };
  }
}
