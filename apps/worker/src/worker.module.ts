import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '@leadpanel/platform';
import { DiscussionsModule } from '@leadpanel/discussions';
import { FeedbackModule } from '@leadpanel/feedback';
import { HomeTestingModule } from '@leadpanel/home-testing';
import { InsightsModule } from '@leadpanel/insights';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { SurveysModule } from '@leadpanel/surveys';
import { SurveyResponsesModule } from '@leadpanel/responses';

/** The worker: no HTTP, every context's services and job processors on BullMQ. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        IdentityModule,
        SurveysModule,
        PanelModule,
        StudiesModule,
        SurveyResponsesModule,
        FeedbackModule,
        DiscussionsModule,
        HomeTestingModule,
        InsightsModule,
      ],
    };
  }
}
