import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, PlatformModule, type AppConfig } from '@leadpanel/platform';
import { IdentityHttpModule, IdentityModule } from '@leadpanel/identity';
import { PanelHttpModule, PanelModule } from '@leadpanel/panel';
import { SurveysHttpModule, SurveysModule } from '@leadpanel/surveys';

/**
 * The HTTP API: every context's HTTP module. In embedded mode (no REDIS_URL), or
 * with RUN_WORKERS=true, it also runs the jobs, through the very same processors
 * the worker app uses.
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        IdentityModule,
        IdentityHttpModule,
        SurveysModule,
        SurveysHttpModule,
        PanelModule,
        PanelHttpModule,
      ],
      controllers: [HealthController],
    };
  }
}
