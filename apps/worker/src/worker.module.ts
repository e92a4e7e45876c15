import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '@leadpanel/platform';
import { CONTEXT_MODULES } from '@leadpanel/composition';

/** The worker: no HTTP, every context's services and job processors on BullMQ. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config), ...CONTEXT_MODULES],
    };
  }
}
