/**
 * 6. Survey submits under load: the pool's panellists each submit their assignment of the
 * submit study's survey (7 questions, 8 answer rows) with an Idempotency-Key, 10 connections,
 * through POST /api/v1/me/assignments/:id/submit (token and session check, idempotency
 * record, validation against the definition, answers replaced, points credited under their
 * unique key, assignment submitted, reminders cancelled, last-active time touched). Against
 * raw `pg` transactions writing the same rows (idempotency key, 8 answers, points entry,
 * assignment update, reminders cancelled), 10 at a time. Between samples the assignments are
 * put back as they were.
 */
import { SUBMIT_ANSWERS, SUBMIT_QUESTIONS, type Dataset } from '../dataset';
import { load } from '../lib/load';
import { msSince } from '../lib/stats';
import type { BenchContext, Workload } from '../lib/workload';

const CONNECTIONS = 10;
const BODY = JSON.stringify({ answers: SUBMIT_ANSWERS });

/** The answer rows of SUBMIT_ANSWERS as the surveys context stores them (answer-rows.ts). */
function answerRows(): Array<[string, number, number | null, string | null, string | null]> {
  const rows: Array<[string, number, number | null, string | null, string | null]> = [];
  for (const q of SUBMIT_QUESTIONS) {
    const v = SUBMIT_ANSWERS[q.id];
    if (v === undefined) continue;
    if (q.type === 'multi_choice') {
      const values = (q.options ?? []).map((o) => o.value);
      for (const x of v as string[]) rows.push([q.id, values.indexOf(x) + 1, null, x, null]);
    } else if (q.type === 'single_choice') rows.push([q.id, 0, null, v as string, null]);
    else if (q.type === 'text') rows.push([q.id, 0, null, null, v as string]);
    else rows.push([q.id, 0, v as number, null, null]);
  }
  return rows;
}

/** Every assignment of `pool` submitted once through the API, 10 connections: submits per second. */
async function submitThroughApi(ctx: BenchContext, round: number, pool: Dataset['submitPool']): Promise<number> {
  const tokens = pool.map((p) => ctx.token(p.panellistId, p.sessionId, 'panellist'));
  let i = 0;
  const result = await load({
    url: ctx.apiUrl,
    connections: CONNECTIONS,
    amount: pool.length,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    next: () => {
      const k = i++ % pool.length;
      return {
        path: `/api/v1/me/assignments/${pool[k].assignmentId}/submit`,
        headers: { authorization: `Bearer ${tokens[k]}`, 'idempotency-key': `bench-${round}-${k}` },
      };
    },
  });
  return result.rps;
}

export const submit: Workload = {
  id: 6,
  name: 'survey submit under load vs raw pg transaction',
  unit: 'submits/s',
  better: 'higher',
  target: { ratio: 0.3, text: '≥ 0.3' },
  describe: (ctx) => ({
    workload: `autocannon, ${CONNECTIONS} connections, ${ctx.dataset.submitPool.length.toLocaleString('en')} POST /api/v1/me/assignments/:id/submit (each its own panellist, token and Idempotency-Key)`,
    baseline: `${ctx.dataset.submitPool.length.toLocaleString('en')} raw pg transactions writing the same rows, ${CONNECTIONS} at a time`,
  }),
  async setup(ctx) {
    await this.reset!(ctx);
  },
  async warmup(ctx) {
    // the API's submit path once over a sixth of the pool (JIT), then the assignments back as they were
    await submitThroughApi(ctx, 0, ctx.dataset.submitPool.slice(0, Math.ceil(ctx.dataset.submitPool.length / 6)));
    await this.reset!(ctx);
  },
  workload: (ctx, round) => submitThroughApi(ctx, round, ctx.dataset.submitPool),
  async baseline(ctx, round) {
    const pool = ctx.dataset.submitPool;
    const survey = ctx.dataset.surveys.submit;
    const study = ctx.dataset.studies.submit;
    const rows = answerRows();
    const response = JSON.stringify({ status: 'submitted', pointsCredited: 30 });
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const client = await ctx.pg.connect();
        try {
          while (next < pool.length) {
            const k = next++;
            const { assignmentId: aid, panellistId: pid } = pool[k];
            const key = `bench-${round}-${k}`;
            await client.query('BEGIN');
            await client.query(`INSERT INTO idempotency_keys (user_id, key, scope, status) VALUES ($1, $2, $3, 'in_progress')`, [
              pid,
              key,
              `submit:${aid}`,
            ]);
            await client.query(`SELECT id, status FROM survey_assignments WHERE id = $1 FOR UPDATE`, [aid]);
            const values: unknown[] = [aid, survey, study];
            const tuples = rows.map((r, j) => {
              values.push(...r);
              const b = 4 + j * 5;
              return `($1, $2, $3, $${b}, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, true)`;
            });
            await client.query(
              `INSERT INTO survey_answers (assignment_id, survey_id, study_id, question_id, item_index, numeric_value, option_value, text_value, submitted) VALUES ${tuples.join(', ')}`,
              values,
            );
            await client.query(
              `INSERT INTO points_entries (panellist_id, delta, reason, key, note) VALUES ($1, 30, 'survey_submitted', $2, 'Halo P3 — first impressions') ON CONFLICT DO NOTHING`,
              [pid, `survey:${aid}`],
            );
            await client.query(
              `UPDATE survey_assignments SET status = 'submitted', submitted_at = now(), points_credited = 30 WHERE id = $1`,
              [aid],
            );
            await client.query(
              `UPDATE outbox_messages SET status = 'cancelled' WHERE dedupe_key = ANY($1::varchar[]) AND status = 'pending'`,
              [[`survey-reminder:${aid}:1`, `survey-reminder:${aid}:2`]],
            );
            await client.query(`UPDATE idempotency_keys SET status = 'completed', response = $3 WHERE user_id = $1 AND key = $2`, [
              pid,
              key,
              response,
            ]);
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      }),
    );
    return pool.length / (msSince(t0) / 1000);
  },
  async reset(ctx) {
    const { submit: survey } = ctx.dataset.surveys;
    await ctx.pg.query('DELETE FROM survey_answers WHERE survey_id = $1', [survey]);
    await ctx.pg.query(`DELETE FROM points_entries WHERE reason = 'survey_submitted'`);
    await ctx.pg.query('DELETE FROM idempotency_keys');
    await ctx.pg.query(
      `UPDATE survey_assignments SET status = 'assigned', submitted_at = NULL, points_credited = NULL WHERE survey_id = $1`,
      [survey],
    );
    await ctx.pg.query(`UPDATE outbox_messages SET status = 'pending' WHERE topic = 'surveys.reminder' AND status = 'cancelled'`);
    await ctx.pg.query('VACUUM (ANALYZE) survey_assignments, points_entries, idempotency_keys, outbox_messages');
  },
};
