import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule } from '@leadpanel/panel';
import { SurveysModule } from '@leadpanel/surveys';

/** Every context's services, no HTTP, no job processing: for one-off commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [PlatformModule.forRoot(config), IdentityModule, SurveysModule, PanelModule] };
  }
}
