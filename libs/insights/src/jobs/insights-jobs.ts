import { defineJobs } from '@leadpanel/platform';

/** Generates a requested report version (ReportsService). */
export const REPORT_GENERATE_JOB = 'insights.generate-report';
/** Removes an erased panellist from the reports that quote them (ReportErasureService). */
export const REPORT_REDACT_JOB = 'insights.redact-erased-panellist';

/** Insights' jobs: name → payload. */
export interface InsightsJobs {
  [REPORT_GENERATE_JOB]: { reportId: string };
  [REPORT_REDACT_JOB]: { panellistId: string };
}

export const insightsJobs = defineJobs<InsightsJobs>();
