/**
 * The CSV of a report (`/reports/:id/data.csv`): the answer distributions of every survey,
 * one row per question × answer value, rendered from the report content.
 *
 * Decisions:
 * - Only distributions: text and SUS questions give no row (top terms count answers that
 *   contain a word, and mixing them into `value`/`pct` would make the columns mean two
 *   things); summaries and cross-tabs are in the JSON and the HTML.
 * - `pct` is rounded to 2 decimals: the unrounded value is in the JSON, and `n` is exact.
 * - A plain decimal value ("-2") is written as a number, so the formula neutralisation of
 *   `csvDocument` does not turn a negative answer into `'-2`.
 * - No PII: the content is already pseudonymised and masked, and no verbatim is written here.
 */
import { csvDocument, type CsvValue } from '@leadpanel/platform';
import type { ReportContent } from '../report-content';

export const REPORT_CSV_HEADER = ['surveyId', 'surveyTitle', 'questionId', 'questionType', 'prompt', 'value', 'n', 'pct'] as const;

const round2 = (x: number): number => {
  const rounded = Math.round(x * 100) / 100;
  return rounded === 0 ? 0 : rounded;
};

/** A value that reads as a plain decimal number and writes back the same is a number. */
function valueCell(value: string): CsvValue {
  const n = Number(value);
  return /^-?\d+(\.\d+)?$/.test(value) && Number.isFinite(n) && String(n) === value ? n : value;
}

/** The data rows, header excluded. */
export function reportCsvRows(content: ReportContent): CsvValue[][] {
  return content.surveys.flatMap((survey) =>
    survey.questions.flatMap((question) =>
      (question.distribution ?? []).map((entry): CsvValue[] => [
        survey.surveyId,
        survey.title,
        question.id,
        question.type,
        question.prompt,
        valueCell(entry.value),
        entry.n,
        entry.pct === undefined ? undefined : round2(entry.pct),
      ]),
    ),
  );
}

/** The report's distributions as CSV (CRLF line ends; `bom` for spreadsheets that need it to read UTF-8). */
export function renderReportCsv(content: ReportContent, options: { bom?: boolean } = {}): string {
  return csvDocument(REPORT_CSV_HEADER, reportCsvRows(content), options);
}
