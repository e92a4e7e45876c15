import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '@leadpanel/platform';
import { CONTEXT_MODULES } from '@leadpanel/composition';
import { DemoModule } from './demo/demo.module';

/** Every context's services, no HTTP, no job processing: for one-off commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(config), ...CONTEXT_MODULES, DemoModule],
    };
  }
}
