import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MetricsService } from './metrics/metrics.service';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { RateLimitModule } from './rate-limit/rate-limit';

/** What every process (api, worker, cli) needs: config, database, queue, outbox, mail, audit, logs, metrics. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(),
        QueueModule.forRoot(config),
        OutboxModule,
        MailModule.forRoot(config),
        AuditModule,
        IdempotencyModule,
        RateLimitModule,
      ],
      providers: [Clock, MetricsService],
      exports: [Clock, MetricsService],
    };
  }
}
