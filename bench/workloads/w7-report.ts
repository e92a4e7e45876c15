/**
 * 7. A report of the report study (≈ 1,000,000 answer rows from ≈ 49,000 respondents, ≈ 10,000
 * open texts): the `insights.generate-report` job, run by the bench worker (aggregation in
 * SQL, SUS scores, cross-tabs by segment with suppression, text analysis streamed through a
 * cursor, funnel, quotas, composition, discussions, home testing, feedback; rendering to
 * JSON, HTML and CSV; stored with `ready`), timed inside the worker; the report is requested
 * through the API beforehand (untimed). Then the worker's peak RSS (getrusage maxrss).
 *
 * Baseline: ONE statement, one pass over the same submitted answers with their respondents'
 * segment values, giving the histogram of every closed and numeric answer value (per
 * question, and per SUS item) overall and per country, gender, age band and tier (GROUPING
 * SETS), under the same planner settings as the aggregator's heavy statement.
 * It does not compute SUS scores, multi_choice respondent counts, statistics, text terms or
 * quotes, the funnel, composition or other sections, nor render or store anything: it is the
 * floor of the report's central figures, the histograms per question and per segment.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IpcChild } from '../lib/proc';
import { msSince } from '../lib/stats';
import type { BenchContext, Workload } from '../lib/workload';

const RSS_LIMIT_MB = 300;
let worker: IpcChild | null = null;

/**
 * The baseline statement. A naive single pass (the answers joined to their respondents'
 * four segment values, GROUPING SETS straight over a million wide rows: five hash tables
 * fed per row) takes 4–6 s here, slower than the whole report; the floor is the same single
 * pass done well: each respondent's segment values once (one join to the panellists), the
 * answers grouped by (question, item, value, combination of segment values), that small
 * result regrouped per segment. Every answer row is read once.
 */
const BASELINE_SQL = `
WITH seg AS MATERIALIZED (
  SELECT a.id, coalesce(p.country::text, 'unknown') AS country, coalesce(p.gender::text, 'unknown') AS gender,
         CASE WHEN $3::int - p.birth_year BETWEEN 18 AND 24 THEN '18-24' WHEN $3::int - p.birth_year BETWEEN 25 AND 34 THEN '25-34'
              WHEN $3::int - p.birth_year BETWEEN 35 AND 44 THEN '35-44' WHEN $3::int - p.birth_year BETWEEN 45 AND 54 THEN '45-54'
              WHEN $3::int - p.birth_year BETWEEN 55 AND 64 THEN '55-64' WHEN $3::int - p.birth_year >= 65 THEN '65+' ELSE 'unknown' END AS age_band,
         coalesce(p.tier::text, 'unknown') AS tier
    FROM survey_assignments a LEFT JOIN panellists p ON p.id = a.panellist_id
   WHERE a.survey_id = $1 AND a.study_id = $2 AND a.status = 'submitted'),
combos AS MATERIALIZED (SELECT row_number() OVER () AS combo, c.* FROM (SELECT DISTINCT country, gender, age_band, tier FROM seg) c),
keyed AS MATERIALIZED (SELECT s.id, c.combo FROM seg s JOIN combos c USING (country, gender, age_band, tier)),
hist AS MATERIALIZED (
  SELECT x.question_id AS q, x.item_index AS item, x.numeric_value AS num, x.option_value AS opt, k.combo, count(*) AS n
    FROM survey_answers x JOIN keyed k ON k.id = x.assignment_id
   WHERE x.survey_id = $1 AND x.study_id = $2 AND x.submitted AND x.text_value IS NULL
   GROUP BY 1, 2, 3, 4, 5)
SELECT q, item, num, opt,
       CASE WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(gender) = 0 THEN 'gender'
            WHEN GROUPING(age_band) = 0 THEN 'ageBand' WHEN GROUPING(tier) = 0 THEN 'tier' END AS segment,
       coalesce(country, gender, age_band, tier) AS segment_value, sum(n)::int AS n
  FROM hist JOIN combos USING (combo)
 GROUP BY GROUPING SETS ((q, item, num, opt), (q, item, num, opt, country), (q, item, num, opt, gender),
                         (q, item, num, opt, age_band), (q, item, num, opt, tier))`;

/** The aggregator's planner settings (report-aggregator.ts, ANALYTIC_SETTINGS), for a like-for-like plan. */
const SETTINGS = [
  'SET TRANSACTION READ ONLY',
  'SET LOCAL jit = off',
  "SET LOCAL work_mem = '64MB'",
  'SET LOCAL enable_sort = off',
  'SET LOCAL enable_incremental_sort = off',
  'SET LOCAL enable_nestloop = off',
];

async function requestReport(ctx: BenchContext): Promise<string> {
  const res = await fetch(`${ctx.apiUrl}/api/v1/studies/${ctx.dataset.studies.report}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.researcherToken}` },
  });
  const body = await res.text();
  if (res.status !== 202 && res.status !== 201) throw new Error(`report request: ${res.status} ${body}`);
  const id = (JSON.parse(body) as { id: string }).id;
  // the bench runs the job itself: the API's outbox message for it is not needed
  await ctx.pg.query(`UPDATE outbox_messages SET status = 'cancelled' WHERE dedupe_key = $1`, [`report-generate:${id}`]);
  return id;
}

export const report: Workload = {
  id: 7,
  name: 'report generation vs single-pass SQL aggregation',
  unit: 'ms',
  better: 'lower',
  target: { ratio: 2.0, text: `≤ 2.0 and RSS < ${RSS_LIMIT_MB} MB` },
  describe: (ctx) => ({
    workload: `the insights.generate-report job in the bench worker over ${ctx.dataset.counts.survey_answers.toLocaleString('en')} answer rows (${ctx.dataset.counts.text_answers.toLocaleString('en')} open texts): aggregate, render, store`,
    baseline:
      'one statement, one pass over the answers: histogram of every closed/numeric answer value per question (and SUS item), overall and per country, gender, age band, tier; same planner settings',
  }),
  async setup(ctx) {
    worker = await ctx.startWorker({ dispatch: false });
  },
  async warmup(ctx) {
    await this.workload(ctx, 0);
    await this.baseline(ctx, 0);
  },
  async workload(ctx) {
    const id = await requestReport(ctx);
    const { ms } = await worker!.call<{ ms: number }>('run-job', { name: 'insights.generate-report', payload: { reportId: id } });
    const [r] = (await ctx.pg.query('SELECT status, error FROM reports WHERE id = $1', [id])).rows as Array<{
      status: string;
      error: string | null;
    }>;
    if (r?.status !== 'ready') throw new Error(`report ${id} is ${r?.status}: ${r?.error ?? ''}`);
    return ms;
  },
  async baseline(ctx) {
    const client = await ctx.pg.connect();
    try {
      const t0 = process.hrtime.bigint();
      await client.query('BEGIN');
      for (const s of SETTINGS) await client.query(s);
      const res = await client.query(BASELINE_SQL, [ctx.dataset.surveys.report, ctx.dataset.studies.report, new Date().getUTCFullYear()]);
      await client.query('COMMIT');
      const ms = msSince(t0);
      if (res.rowCount === 0) throw new Error('the baseline aggregation found no answers');
      return ms;
    } finally {
      client.release();
    }
  },
  async extra() {
    await sleep(10);
    const mem = await worker!.call<{ maxRssMb: number; rssMb: number }>('memory');
    return {
      figures: { workerPeakRssMb: Math.round(mem.maxRssMb) },
      pass: mem.maxRssMb < RSS_LIMIT_MB,
      note: `worker peak RSS ${Math.round(mem.maxRssMb)} MB`,
    };
  },
  async teardown(ctx) {
    await ctx.pg.query(`DELETE FROM reports WHERE study_id = $1`, [ctx.dataset.studies.report]);
  },
};
