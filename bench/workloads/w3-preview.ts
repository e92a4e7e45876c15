/**
 * 3. Eligibility preview of the preview study (criteria: six countries, age 25–65, any of three
 * interests; five quota cells) over the whole panel: POST /api/v1/studies/:id/eligibility/preview
 * against one hand-written SELECT count(*) with the same filters (active, criteria, under the
 * 30-day contact cap, not invited to the study) and the same per-cell counts. The two must
 * agree; the runner checks it.
 */
import { PREVIEW_CRITERIA } from '../dataset';
import { median, msSince } from '../lib/stats';
import type { BenchContext, Workload } from '../lib/workload';

/** The contact cap (PANEL_MAX_INVITES_30D, default 4): the bench API runs with the default. */
const CAP = 4;

function handWritten(ctx: BenchContext): { sql: string; params: unknown[] } {
  const year = new Date().getUTCFullYear();
  return {
    sql: `SELECT count(*)::int AS total,
                 count(*) FILTER (WHERE p.tier = 'lead_user')::int AS lead_user,
                 count(*) FILTER (WHERE p.tier = 'emerging')::int AS emerging,
                 count(*) FILTER (WHERE p.tier = 'mainstream')::int AS mainstream,
                 count(*) FILTER (WHERE p.birth_year BETWEEN $4 - 34 AND $4 - 25)::int AS age_25_34,
                 count(*) FILTER (WHERE p.attributes ->> 'home_type' = 'apartment')::int AS apartment
            FROM panellists p
           WHERE p.status = 'active'
             AND p.country = ANY($1::text[])
             AND p.birth_year BETWEEN $4 - $3 AND $4 - $2
             AND p.interests ?| $5::text[]
             AND p.id NOT IN (SELECT panellist_id FROM study_invitations
                               WHERE created_at > now() - interval '30 days'
                               GROUP BY panellist_id HAVING count(*) >= $7)
             AND NOT EXISTS (SELECT 1 FROM study_invitations si WHERE si.study_id = $6 AND si.panellist_id = p.id)`,
    params: [
      PREVIEW_CRITERIA.countries,
      PREVIEW_CRITERIA.ageMin,
      PREVIEW_CRITERIA.ageMax,
      year,
      PREVIEW_CRITERIA.interestsAny,
      ctx.dataset.studies.preview,
      CAP,
    ],
  };
}

async function preview(ctx: BenchContext): Promise<{ eligible: number; cells: Array<{ eligible: number }> }> {
  const res = await fetch(`${ctx.apiUrl}/api/v1/studies/${ctx.dataset.studies.preview}/eligibility/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.researcherToken}` },
  });
  if (res.status !== 200) throw new Error(`preview: ${res.status} ${await res.text()}`);
  return (await res.json()) as { eligible: number; cells: Array<{ eligible: number }> };
}

const reps = (ctx: BenchContext) => (ctx.smoke ? 1 : 3);

export const eligibility: Workload = {
  id: 3,
  name: 'eligibility preview vs hand-written count(*)',
  unit: 'ms',
  better: 'lower',
  target: { ratio: 2.0, text: '≤ 2.0' },
  describe: (ctx) => ({
    workload: `POST /api/v1/studies/:id/eligibility/preview over ${ctx.dataset.counts.panellists.toLocaleString('en')} panellists (total and 5 quota cells); median of ${reps(ctx)} per round`,
    baseline: 'one hand-written SELECT count(*) … FILTER per cell with the same filters (contact cap as NOT IN over a grouped set), raw pg',
  }),
  async warmup(ctx) {
    const api = await preview(ctx);
    const { sql, params } = handWritten(ctx);
    const [row] = (await ctx.pg.query(sql, params)).rows as Array<Record<string, number>>;
    const mine = [row.total, row.lead_user, row.emerging, row.mainstream, row.age_25_34, row.apartment];
    const theirs = [api.eligible, ...api.cells.map((c) => c.eligible)];
    if (mine.join() !== theirs.join())
      throw new Error(`preview and hand-written count disagree: API ${theirs.join()} vs SQL ${mine.join()}`);
    ctx.log(`    eligible: ${api.eligible.toLocaleString('en')} (API and hand-written SQL agree on total and cells)`);
  },
  async workload(ctx) {
    const times: number[] = [];
    for (let i = 0; i < reps(ctx); i++) {
      const t0 = process.hrtime.bigint();
      await preview(ctx);
      times.push(msSince(t0));
    }
    return median(times);
  },
  async baseline(ctx) {
    const { sql, params } = handWritten(ctx);
    const times: number[] = [];
    for (let i = 0; i < reps(ctx); i++) {
      const t0 = process.hrtime.bigint();
      await ctx.pg.query(sql, params);
      times.push(msSince(t0));
    }
    return median(times);
  },
};
