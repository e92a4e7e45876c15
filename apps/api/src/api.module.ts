import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, MailHttpModule, PlatformModule, type AppConfig } from '@leadpanel/platform';
import { DiscussionsHttpModule, DiscussionsModule } from '@leadpanel/discussions';
import { FeedbackHttpModule, FeedbackModule } from '@leadpanel/feedback';
import { HomeTestingHttpModule, HomeTestingModule } from '@leadpanel/home-testing';
import { InsightsHttpModule, InsightsModule } from '@leadpanel/insights';
import { IdentityHttpModule, IdentityModule } from '@leadpanel/identity';
import { PanelHttpModule, PanelModule } from '@leadpanel/panel';
import { StudiesHttpModule, StudiesModule } from '@leadpanel/studies';
import { SurveysHttpModule, SurveysModule } from '@leadpanel/surveys';
import { SurveyResponsesHttpModule, SurveyResponsesModule } from '@leadpanel/responses';

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
        MailHttpModule,
        IdentityModule,
        IdentityHttpModule,
        SurveysModule,
        SurveysHttpModule,
        PanelModule,
        PanelHttpModule,
        StudiesModule,
        StudiesHttpModule,
        SurveyResponsesModule,
        SurveyResponsesHttpModule,
        FeedbackModule,
        FeedbackHttpModule,
        DiscussionsModule,
        DiscussionsHttpModule,
        HomeTestingModule,
        HomeTestingHttpModule,
        InsightsModule,
        InsightsHttpModule,
      ],
      controllers: [HealthController],
    };
  }
}
