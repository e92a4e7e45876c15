import { Module } from '@nestjs/common';
import { DiscussionsModule } from '@leadpanel/discussions';
import { FeedbackModule } from '@leadpanel/feedback';
import { HomeTestingModule } from '@leadpanel/home-testing';
import { IdentityModule } from '@leadpanel/identity';
import { InsightsModule } from '@leadpanel/insights';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { SurveysModule } from '@leadpanel/surveys';
import { SurveyResponsesModule } from '@leadpanel/responses';
import { DemoSeeder } from './demo-seeder';

/** The demo seeder and the contexts whose services it calls; needs `PlatformModule.forRoot(config)` beside it. */
@Module({
  imports: [
    IdentityModule,
    PanelModule,
    SurveysModule,
    SurveyResponsesModule,
    StudiesModule,
    DiscussionsModule,
    HomeTestingModule,
    FeedbackModule,
    InsightsModule,
  ],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
