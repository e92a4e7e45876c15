import { Module } from '@nestjs/common';
import { CONTEXT_MODULES } from '@leadpanel/composition';
import { DemoConversations } from './demo-conversations';
import { DemoHomeTest } from './demo-home-test';
import { DemoSeeder } from './demo-seeder';
import { DemoSummaryReader } from './demo-summary';

/** The demo seeder and the contexts whose services it calls; needs `PlatformModule.forRoot(config)` beside it. */
@Module({
  imports: [...CONTEXT_MODULES],
  providers: [DemoSeeder, DemoSummaryReader, DemoHomeTest, DemoConversations],
  exports: [DemoSeeder],
})
export class DemoModule {}
