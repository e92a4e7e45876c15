import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, MailHttpModule, PlatformModule, type AppConfig } from '@leadpanel/platform';
import { CONTEXTS } from './contexts';

/**
 * The HTTP API: every context's HTTP module. In embedded mode (no REDIS_URL), or
 * with RUN_WORKERS=true, it also runs the jobs, through the very same processors
 * the worker app uses. Here rather than in apps/api because the CLI builds the OpenAPI
 * document from it, and no app imports another.
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config), MailHttpModule, ...CONTEXTS.flatMap((c) => [c.services, c.http])],
      controllers: [HealthController],
    };
  }
}
