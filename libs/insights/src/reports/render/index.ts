export { renderReportHtml, type ReportHtmlOptions } from './report-html';
export { renderReportCsv, reportCsvRows, REPORT_CSV_HEADER } from './report-csv';
