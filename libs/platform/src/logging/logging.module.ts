import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { requestLogOptions } from './request-log';

/** Structured JSON logs (pino); the request id links HTTP lines, errors and audit entries. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: requestLogOptions(config) })],
    };
  }
}
