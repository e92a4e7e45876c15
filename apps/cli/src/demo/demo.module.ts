import { Module } from '@nestjs/common';
import { CONTEXT_MODULES } from '@leadpanel/composition';
import { DemoSeeder } from './demo-seeder';

/** The demo seeder and the contexts whose services it calls; needs `PlatformModule.forRoot(config)` beside it. */
@Module({
  imports: [...CONTEXT_MODULES],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
