/**
 * The HTML report (docs/domain.md, "Insights": self-contained HTML, inline SVG charts, print CSS),
 * rendered from the report content (report-content.ts) with `report.hbs` beside this file.
 *
 * Decisions:
 * - A Handlebars instance of its own, so helpers registered here never meet the mail
 *   templates'; `strict: true`, so a missing field is an error, and absent figures are
 *   tested with `(defined x)` (a plain `#if` would also hide a legitimate 0).
 * - No triple-stash: the only markup built in code is svg.ts's, which escapes what it
 *   embeds. Its `xmlns` is dropped (inline SVG needs none), so the document holds no
 *   `http://` at all and "self-contained" is checkable by a grep.
 * - NPS intervals are clamped for display only (the JSON keeps them unclamped; beyond ±100
 *   is not a possible score).
 * - A suppressed cross-tab row hides its n too: the text says why the row is empty
 *   without the count.
 * - Words are English: the report has no locale yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { distributionChart, npsChart, susChart } from '../../domain';
import type { CrosstabContent, Interval, QuestionReport, ReportContent, SurveyReport, ValueCount } from '../report-content';
import { formatDecimal, formatInstant, formatInteger, formatInterval, formatNumber, formatPercent } from './format';
import {
  dimensionLabel,
  feedbackKindLabel,
  feedbackSeverityLabel,
  feedbackStatusLabel,
  ideaStatusLabel,
  plural,
  studyStatusLabel,
  valueLabel,
} from './labels';

export interface ReportHtmlOptions {
  /** the brand the report is for, shown under the title */
  brandName?: string;
}

export const REPORT_TEMPLATE_FILE = join(__dirname, 'report.hbs');

const SVG_NAMESPACE = ' xmlns="http://www.w3.org/2000/svg"';

/** svg.ts output as trusted markup for the template, namespace attribute dropped (see above). */
function chart(svg: string): Handlebars.SafeString {
  if (!svg.startsWith('<svg') || !svg.includes(SVG_NAMESPACE)) throw new Error('not an svg.ts chart');
  return new Handlebars.SafeString(svg.replace(SVG_NAMESPACE, ''));
}

/** A word for a known key, else the key itself (own properties only: a key named "constructor" stays itself). */
const wordFor = (words: Readonly<Record<string, string>>, key: string): string => (Object.hasOwn(words, key) ? words[key] : key);

const defined = (x: unknown): boolean => x !== undefined && x !== null;
const share = (n: number, total: number): number | undefined => (total > 0 ? (100 * n) / total : undefined);

const QUESTION_TYPES: Readonly<Record<string, string>> = {
  single_choice: 'single choice',
  multi_choice: 'multiple choice',
  likert: 'Likert scale',
  rating: 'rating 0–10',
  nps: 'NPS',
  sus: 'SUS',
  number: 'number',
  text: 'open text',
};

function distributionSvg(question: QuestionReport): Handlebars.SafeString | undefined {
  const rows = question.distribution ?? [];
  if (rows.length === 0 || rows.some((r) => r.pct === undefined)) return undefined;
  return chart(
    distributionChart(
      rows.map((r) => ({ label: r.value, pct: r.pct ?? 0 })),
      { title: `Distribution: ${question.prompt}` },
    ),
  );
}

const clampNps = ([low, high]: Interval): Interval => [Math.max(-100, low), Math.min(100, high)];

function questionView(question: QuestionReport) {
  return {
    ...question,
    typeLabel: wordFor(QUESTION_TYPES, question.type),
    answered: question.n > 0,
    words: (question.terms?.length ?? 0) + (question.phrases?.length ?? 0) > 0,
    numeric: [question.mean, question.median, question.sd, question.ci95].some(defined),
    npsCi95: question.nps && clampNps(question.nps.ci95),
    charts: {
      distribution: distributionSvg(question),
      nps: question.nps && chart(npsChart(question.nps)),
      sus: question.sus && chart(susChart(question.sus)),
    },
    crosstabs: (question.crosstabs ?? []).map((c) => crosstabView(c, question)),
  };
}

/**
 * A cross-tab as a matrix: one row per segment value, one column per answer value found in
 * the visible rows (in the question's distribution order, then any other) and a mean column
 * when a visible row has a mean. A suppressed row keeps its value only (whatever else it
 * carries is dropped here) and spans every figure column with its explanation.
 */
function crosstabView(crosstab: CrosstabContent, question: QuestionReport) {
  const visible = crosstab.rows.filter((r) => !r.suppressed);
  const inRows = new Set(visible.flatMap((r) => r.distribution ?? []).map((d) => d.value));
  const columns = [...new Set([...(question.distribution ?? []).map((d) => d.value).filter((v) => inRows.has(v)), ...inRows])];
  const hasMean = visible.some((r) => r.mean !== undefined);
  return {
    label: dimensionLabel(crosstab.segment),
    caption: `By ${dimensionLabel(crosstab.segment).toLowerCase()}`,
    columns,
    hasMean,
    span: 1 + (hasMean ? 1 : 0) + columns.length,
    rows: crosstab.rows.map((row) =>
      row.suppressed
        ? { value: valueLabel(crosstab.segment, row.value), suppressed: true }
        : {
            value: valueLabel(crosstab.segment, row.value),
            suppressed: false,
            n: row.n,
            mean: row.mean,
            cells: columns.map((value) => ({ pct: row.distribution?.find((d) => d.value === value)?.pct })),
          },
    ),
  };
}

function surveyView(survey: SurveyReport) {
  return { ...survey, questions: survey.questions.map(questionView) };
}

/** A table of counts per value, each value shown by its word (`word`). */
function countTable(label: string, rows: readonly ValueCount[], word: (value: string) => string) {
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  return { label, total, rows: rows.map((r) => ({ ...r, value: word(r.value), pct: share(r.n, total) })) };
}

function recordTable(label: string, record: Readonly<Record<string, number>>, word: (value: string) => string) {
  return countTable(
    label,
    Object.entries(record).map(([value, n]) => ({ value, n })),
    word,
  );
}

const segmentTable = (segment: 'country' | 'gender' | 'ageBand' | 'tier', rows: readonly ValueCount[]) =>
  countTable(dimensionLabel(segment), rows, (value) => valueLabel(segment, value));

function funnelView(funnel: ReportContent['funnel']) {
  const stages: Array<[string, number]> = [
    ['Invited', funnel.invited],
    ['Accepted', funnel.accepted],
    ['Declined', funnel.declined],
    ['Expired', funnel.expired],
    ['Waitlisted', funnel.waitlisted],
    ['Enrolled', funnel.enrolled],
    ['Completed', funnel.completed],
  ];
  const main = stages.filter(([label]) => ['Invited', 'Accepted', 'Enrolled', 'Completed'].includes(label));
  return {
    rows: stages.map(([label, n]) => ({ label, n, pct: share(n, funnel.invited) })),
    chart:
      funnel.invited > 0
        ? chart(
            distributionChart(
              main.map(([label, n]) => ({ label, pct: share(n, funnel.invited) ?? 0 })),
              { title: 'Funnel, % of invited' },
            ),
          )
        : undefined,
  };
}

function view(content: ReportContent, options: ReportHtmlOptions) {
  return {
    brandName: options.brandName,
    study: { ...content.study, status: studyStatusLabel(content.study.status) },
    studyId: content.studyId,
    version: content.version,
    generatedAt: content.generatedAt,
    generatedAtText: formatInstant(content.generatedAt),
    minCell: content.minCell,
    funnel: funnelView(content.funnel),
    quotas: content.quotas.map((q) => ({
      ...q,
      dimension: dimensionLabel(q.dimension),
      value: valueLabel(q.dimension, q.value),
      attainment: share(q.enrolled, q.target),
    })),
    composition: [
      segmentTable('country', content.composition.country),
      segmentTable('gender', content.composition.gender),
      segmentTable('ageBand', content.composition.ageBand),
      segmentTable('tier', content.composition.tier),
    ],
    surveys: content.surveys.map(surveyView),
    discussions: {
      ...content.discussions,
      codes: content.discussions.codes.map((c) => ({ ...c, postsText: plural(c.n, 'post', 'posts') })),
      topIdeas: content.discussions.topIdeas.map((i) => ({
        ...i,
        likesText: plural(i.likes, 'like', 'likes'),
        status: ideaStatusLabel(i.status),
      })),
    },
    homeTesting: content.homeTesting,
    feedback: {
      tables: [
        recordTable('By kind', content.feedback.byKind, feedbackKindLabel),
        recordTable('By severity', content.feedback.bySeverity, feedbackSeverityLabel),
        recordTable('By status', content.feedback.byStatus, feedbackStatusLabel),
      ],
      top: content.feedback.top.map((f) => ({
        ...f,
        kind: feedbackKindLabel(f.kind),
        severity: f.severity && feedbackSeverityLabel(f.severity),
        status: feedbackStatusLabel(f.status),
      })),
    },
  };
}

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (compiled === undefined) {
    const hb = Handlebars.create();
    hb.registerHelper({
      defined,
      count: formatInteger,
      decimal: formatDecimal,
      percent: formatPercent,
      number: formatNumber,
      interval: formatInterval,
    });
    const source = readFileSync(REPORT_TEMPLATE_FILE, 'utf8').replace(/\r\n/g, '\n');
    compiled = hb.compile(source, { strict: true });
  }
  return compiled;
}

/** The report as one self-contained HTML document. */
export function renderReportHtml(content: ReportContent, options: ReportHtmlOptions = {}): string {
  return template()(view(content, options));
}
