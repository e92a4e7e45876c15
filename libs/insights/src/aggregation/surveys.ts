/**
 * Per-survey and per-question figures, with cross-tabs by segment (docs/http-contract.md "Report JSON").
 *
 * SQL strategy: one statement per survey, never one query per question and never the
 * answers in JavaScript. Each submitted assignment is mapped once to its combination of
 * segment values (`segmentCtesSql`), the answer rows are grouped once by (question, value,
 * combination), and that small result is regrouped with GROUPING SETS into each question's
 * histogram overall and per segment. SUS scores and multi_choice respondent counts share
 * the statement (UNION ALL, hence one snapshot): a second statement read the panellists
 * twice, 0.3 s of the report on a 1,000,000-panellist panel (bench/README.md, workload 7).
 * Text questions stream through a cursor (text.ts). Statistics come from the histograms.
 *
 * Decisions:
 * - Only submitted answers count; the surveys are those with assignments in the study (a
 *   usage survey may belong to no study and still be assigned under it).
 * - Closed questions list every possible value, zero counts included; pct is of the
 *   question's respondents (multi_choice sums can pass 100).
 * - n = 0: only `n: 0`, no statistic, no terms, no cross-tab.
 * - A cross-tab row's n is the question's respondents in that segment value; rows under
 *   minCell keep no figure at all (`suppressRows`).
 */
import type { Question } from '@leadpanel/surveys';
import { distribution, nps, npsCounts, summarizeHistogram, summarizeSus, suppressRows, top2box, type Bin } from '../domain';
import type { CrosstabContent, CrosstabRowContent, DistributionEntry, QuestionReport, SurveyReport } from '../reports/report-content';
import { count, num, type Cursor, type Pseudonyms, type Query } from './db';
import { isSegment, orderSegmentValues, SEGMENTS, segmentCtesSql, segmentGroupingSetsSql, segmentLabelSql, type Segment } from './segments';
import { analyseTextStream, surveyTextSource } from './text';

export interface SurveyContext {
  db: Query;
  /** for the heavy aggregations: same as db, with the planner settings of report-aggregator.ts */
  analytic: Query;
  cursor: Cursor;
  pseudonyms: Pseudonyms;
  studyId: string;
  minCell: number;
  referenceYear: number;
}

const CHOICE_TYPES = new Set(['single_choice', 'multi_choice']);
const NUMERIC_TYPES = new Set(['likert', 'rating', 'nps', 'number']);
/** Types with a distribution over every possible value. */
const CLOSED_TYPES = new Set(['single_choice', 'multi_choice', 'likert', 'rating', 'nps']);

/** value key → n */
type Counts = Map<string, number>;

interface QuestionCounts {
  total: Counts;
  bySegment: Map<Segment, Map<string, Counts>>;
  /** multi_choice: distinct respondents */
  respondents?: number;
  respondentsBySegment: Map<Segment, Map<string, number>>;
}

function emptyCounts(): QuestionCounts {
  return { total: new Map(), bySegment: new Map(), respondentsBySegment: new Map() };
}

function addTo(counts: Counts, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function sum(counts: Counts): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** The histogram key of an answer row: its option value, or its number written canonically. */
function keyOf(numeric: unknown, option: string | null): string {
  if (option !== null) return option;
  const n = num(numeric);
  return n === undefined ? '' : String(n);
}

function numericBins(counts: Counts): Bin[] {
  return [...counts].filter(([k]) => k !== '').map(([k, n]) => ({ value: Number(k), n }));
}

/** Every possible value of a closed question, in report order. */
function possibleValues(q: Question): string[] {
  switch (q.type) {
    case 'single_choice':
    case 'multi_choice':
      return (q.options ?? []).map((o) => o.value);
    case 'likert':
      return Array.from({ length: q.scale ?? 5 }, (_, i) => String(i + 1));
    case 'rating':
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => String(i));
    default:
      return [];
  }
}

function distributionOf(q: Question, counts: Counts, respondents: number): DistributionEntry[] {
  return distribution(
    possibleValues(q).map((value) => ({ value, n: counts.get(value) ?? 0 })),
    respondents,
  );
}

interface SurveyRow {
  id: string;
  title: string;
  kind: string;
  questions: Question[] | null;
  respondents: number;
}

/** The surveys with assignments in the study, in creation order, with their submitted responses. */
async function surveysOf(db: Query, studyId: string): Promise<SurveyRow[]> {
  return db<SurveyRow>(
    `SELECT s.id, s.title, s.kind, s.questions, c.respondents
       FROM (SELECT survey_id, (count(*) FILTER (WHERE status = 'submitted'))::int AS respondents
               FROM survey_assignments WHERE study_id = $1 GROUP BY survey_id) c
       JOIN surveys s ON s.id = c.survey_id
      ORDER BY s.created_at, s.id`,
    [studyId],
  );
}

interface HistogramRow {
  part: 'h' | 'r' | 's';
  q: string;
  num: string | number | null;
  opt: string | null;
  segment: string | null;
  segment_value: string | null;
  n: number;
}

/**
 * Statements 1 and 2 of the header, as one statement (one snapshot, and the respondents'
 * segment values computed once: that join reads the panellists table, the largest of a
 * panel): histograms (part h), multi_choice respondents (part r) and SUS score histograms
 * (part s), overall and per segment.
 */
async function histograms(
  ctx: SurveyContext,
  surveyId: string,
  questionIds: string[],
  multiIds: string[],
  susIds: string[],
): Promise<{ counts: Map<string, QuestionCounts>; sus: Map<string, QuestionCounts> }> {
  const counts = new Map<string, QuestionCounts>();
  const sus = new Map<string, QuestionCounts>();
  if (questionIds.length === 0 && susIds.length === 0) return { counts, sus };
  const answers = `x.survey_id = $1 AND x.study_id = $2 AND x.submitted`;
  const rows = await ctx.analytic<HistogramRow>(
    `WITH ${segmentCtesSql(`a.survey_id = $1 AND a.study_id = $2 AND a.status = 'submitted'`, '$5')},
     hist AS MATERIALIZED (
       SELECT x.question_id AS q, x.numeric_value AS num, x.option_value AS opt, k.combo, count(*) AS n
         FROM survey_answers x JOIN keyed k ON k.id = x.assignment_id
        WHERE ${answers} AND x.question_id = ANY($3::varchar[])
        GROUP BY 1, 2, 3, 4),
     resp AS MATERIALIZED (
       SELECT r.q, k.combo, count(*) AS n
         FROM (SELECT DISTINCT x.question_id AS q, x.assignment_id FROM survey_answers x WHERE ${answers} AND x.question_id = ANY($4::varchar[])) r
         JOIN keyed k ON k.id = r.assignment_id
        GROUP BY 1, 2),
     scores AS MATERIALIZED (
       SELECT x.question_id AS q, x.assignment_id,
              2.5 * sum(CASE WHEN x.item_index % 2 = 1 THEN x.numeric_value - 1 ELSE 5 - x.numeric_value END) AS score
         FROM survey_answers x
        WHERE ${answers} AND x.question_id = ANY($6::varchar[]) AND x.item_index BETWEEN 1 AND 10
        GROUP BY x.question_id, x.assignment_id
       HAVING count(*) = 10),
     shist AS MATERIALIZED (
       SELECT s.q, s.score, k.combo, count(*) AS n FROM scores s JOIN keyed k ON k.id = s.assignment_id GROUP BY 1, 2, 3)
     SELECT 'h' AS part, q, num, opt, ${segmentLabelSql()}, sum(n)::int AS n
       FROM hist JOIN combos USING (combo)
      GROUP BY ${segmentGroupingSetsSql(['q', 'num', 'opt'], true)}
     UNION ALL
     SELECT 'r' AS part, q, NULL::numeric, NULL::varchar, ${segmentLabelSql()}, sum(n)::int AS n
       FROM resp JOIN combos USING (combo)
      GROUP BY ${segmentGroupingSetsSql(['q'], true)}
     UNION ALL
     SELECT 's' AS part, q, score, NULL::varchar, ${segmentLabelSql()}, sum(n)::int AS n
       FROM shist JOIN combos USING (combo)
      GROUP BY ${segmentGroupingSetsSql(['q', 'score'], true)}`,
    [surveyId, ctx.studyId, questionIds, multiIds, ctx.referenceYear, susIds],
  );
  for (const r of rows) {
    const c = child(r.part === 's' ? sus : counts, r.q, emptyCounts);
    const n = count(r.n);
    const segment = isSegment(r.segment) ? r.segment : null;
    const value = r.segment_value ?? '';
    if (r.part === 'r') {
      if (segment === null) c.respondents = n;
      else child(c.respondentsBySegment, segment, () => new Map<string, number>()).set(value, n);
      continue;
    }
    const key = keyOf(r.num, r.opt);
    if (segment === null) addTo(c.total, key, n);
    else
      addTo(
        child(
          child(c.bySegment, segment, () => new Map<string, Counts>()),
          value,
          () => new Map(),
        ),
        key,
        n,
      );
  }
  return { counts, sus };
}

function crosstabsOf(q: Question, counts: QuestionCounts, minCell: number): CrosstabContent[] {
  const choice = CHOICE_TYPES.has(q.type);
  return SEGMENTS.map((segment): CrosstabContent => {
    const values = counts.bySegment.get(segment) ?? new Map<string, Counts>();
    const respondents = counts.respondentsBySegment.get(segment);
    const rows = [...values].map(([value, c]): Omit<CrosstabRowContent, 'suppressed'> => {
      const n = q.type === 'multi_choice' ? (respondents?.get(value) ?? 0) : sum(c);
      if (choice) return { value, n, distribution: distributionOf(q, c, n) };
      const { mean } = summarizeHistogram(numericBins(c));
      return mean === undefined ? { value, n } : { value, n, mean };
    });
    return { segment, rows: suppressRows(orderSegmentValues(segment, rows), { minCell }) };
  });
}

async function questionReport(ctx: SurveyContext, surveyId: string, q: Question, counts: QuestionCounts): Promise<QuestionReport> {
  const n = q.type === 'multi_choice' ? (counts.respondents ?? 0) : sum(counts.total);
  const report: QuestionReport = { id: q.id, type: q.type, prompt: q.prompt, n };
  if (CLOSED_TYPES.has(q.type)) report.distribution = distributionOf(q, counts.total, n);
  if (n === 0) return report;
  if (NUMERIC_TYPES.has(q.type)) {
    const bins = numericBins(counts.total);
    const { mean, median, sd, ci95 } = summarizeHistogram(bins);
    Object.assign(
      report,
      mean === undefined ? {} : { mean },
      median === undefined ? {} : { median },
      sd === undefined ? {} : { sd },
      ci95 === undefined ? {} : { ci95 },
    );
    const box =
      q.type === 'likert'
        ? top2box(bins, { type: 'likert', scale: q.scale === 7 ? 7 : 5 })
        : q.type === 'rating'
          ? top2box(bins, { type: 'rating' })
          : undefined;
    if (box) report.top2box = box;
    if (q.type === 'nps') {
      const score = nps(npsCounts(bins));
      if (score) report.nps = score;
    }
  }
  if (q.type === 'sus') {
    const sus = summarizeSus(numericBins(counts.total));
    if (sus) report.sus = sus;
  }
  if (q.type === 'text') {
    const text = await analyseTextStream(
      surveyTextSource(ctx.db, ctx.cursor, { studyId: ctx.studyId, surveyId, questionId: q.id }),
      ctx.pseudonyms,
    );
    report.terms = text.terms;
    report.phrases = text.phrases;
    report.quotes = text.quotes;
  }
  if (q.type !== 'text') report.crosstabs = crosstabsOf(q, counts, ctx.minCell);
  return report;
}

async function surveyReport(ctx: SurveyContext, survey: SurveyRow): Promise<SurveyReport> {
  const questions = survey.questions ?? [];
  const ids = (pred: (q: Question) => boolean) => questions.filter(pred).map((q) => q.id);
  const { counts, sus: susCounts } = await histograms(
    ctx,
    survey.id,
    ids((q) => q.type !== 'sus'),
    ids((q) => q.type === 'multi_choice'),
    ids((q) => q.type === 'sus'),
  );
  const reports: QuestionReport[] = [];
  for (const q of questions) {
    const c = (q.type === 'sus' ? susCounts : counts).get(q.id) ?? emptyCounts();
    reports.push(await questionReport(ctx, survey.id, q, c));
  }
  return { surveyId: survey.id, title: survey.title, kind: survey.kind, respondents: count(survey.respondents), questions: reports };
}

export async function surveyReports(ctx: SurveyContext): Promise<SurveyReport[]> {
  const out: SurveyReport[] = [];
  for (const survey of await surveysOf(ctx.db, ctx.studyId)) out.push(await surveyReport(ctx, survey));
  return out;
}
