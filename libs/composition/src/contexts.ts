import { DiscussionsHttpModule, DiscussionsModule } from '@leadpanel/discussions';
import { FeedbackHttpModule, FeedbackModule } from '@leadpanel/feedback';
import { HomeTestingHttpModule, HomeTestingModule } from '@leadpanel/home-testing';
import { IdentityHttpModule, IdentityModule } from '@leadpanel/identity';
import { InsightsHttpModule, InsightsModule } from '@leadpanel/insights';
import { PanelHttpModule, PanelModule } from '@leadpanel/panel';
import { SurveyResponsesHttpModule, SurveyResponsesModule } from '@leadpanel/responses';
import { StudiesHttpModule, StudiesModule } from '@leadpanel/studies';
import { SurveysHttpModule, SurveysModule } from '@leadpanel/surveys';

/**
 * Every context, lowest first (docs/architecture.md, "Layers"): its services module, and the
 * HTTP module the API adds. The one list the apps compose, so a new context is added once.
 */
export const CONTEXTS = [
  { services: IdentityModule, http: IdentityHttpModule },
  { services: SurveysModule, http: SurveysHttpModule },
  { services: PanelModule, http: PanelHttpModule },
  { services: StudiesModule, http: StudiesHttpModule },
  { services: SurveyResponsesModule, http: SurveyResponsesHttpModule },
  { services: FeedbackModule, http: FeedbackHttpModule },
  { services: DiscussionsModule, http: DiscussionsHttpModule },
  { services: HomeTestingModule, http: HomeTestingHttpModule },
  { services: InsightsModule, http: InsightsHttpModule },
] as const;

/** The contexts' services modules, for the worker, the CLI and the demo (no HTTP). */
export const CONTEXT_MODULES = CONTEXTS.map((c) => c.services);
