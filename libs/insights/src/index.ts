export * from './domain';
export * from './insights.module';
export * from './insights.errors';
export { ReportsService, REPORT_GENERATE_JOB } from './reports/reports.service';
export { ReportAggregator } from './aggregation/report-aggregator';
export type { ReportContent } from './reports/report-content';
export { ReportErasureService, REPORT_REDACT_JOB } from './reports/report-erasure.service';
export { ShareLinksService } from './reports/share-links.service';
