/**
 * The CSV of a report (`/reports/:id/data.csv`): the answer distributions of every survey,
 * one row per question × answer value, rendered from the report content.
 *
 * Decisions:
 * - Header `surveyId,surveyTitle,questionId,questionType,prompt,value,n,pct`. Surveys and
 *   questions in report order; values in distribution order (option definition order, zero
 *   counts included, as the content holds them).
 * - A question contributes exactly its `distribution` rows: closed questions (choices,
 *   likert, rating, nps) and numeric questions whose content carries a histogram. Questions
 *   without a distribution (text, SUS) contribute no row: top terms count answers that
 *   contain a word, not respondents per value, and mixing them into the `value`/`pct`
 *   columns would make the columns mean two things. Summary figures (mean, NPS, SUS,
 *   top-2-box) and cross-tabs are in the JSON and the HTML, not here.
 * - `pct` (0–100, share of the question's respondents) is rounded to 2 decimals: the
 *   unrounded value is in the JSON, and `n` gives the exact count. For multi_choice, a
 *   respondent may count in several rows, so pct may add up to more than 100. A pct absent
 *   from the content (nobody answered) is an empty cell.
 * - RFC 4180 with formula-injection neutralisation through platform's `csvDocument` (the
 *   one CSV writer): a text cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading
 *   apostrophe. A value that is a plain decimal number ("-2", "3.5") is written as a
 *   number, so a negative answer stays `-2`, not `'-2`.
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
