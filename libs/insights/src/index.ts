export * from './domain';
export * from './insights.module';
export * from './insights.errors';
export { ReportsService } from './reports/reports.service';
export { REPORT_GENERATE_JOB, REPORT_REDACT_JOB, type InsightsJobs } from './jobs/insights-jobs';
export { ReportAggregator } from './aggregation/report-aggregator';
export type { ReportContent } from './reports/report-content';
export { ReportErasureService } from './reports/report-erasure.service';
export { ShareLinksService } from './reports/share-links.service';
