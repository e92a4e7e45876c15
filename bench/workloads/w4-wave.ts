/**
 * 4. A wave of 10,000 invitations to the wave study: POST /api/v1/studies/:id/waves (the
 * candidate pool drawn in SQL in seeded order, the quota spread, the invitations, one
 * e-mail and one outbox message per invitation, the expiry and reminder messages, the audit
 * entry, in one transaction) against one raw transaction of INSERT … SELECT statements
 * writing the same rows (wave, 10,000 invitations with their cells, 10,000 e-mails,
 * 10,000 + 3 outbox messages, the audit entry) for the first 10,000 eligible panellists in
 * the same seeded order. Between samples the rows are deleted again.
 */
import { WAVE_CRITERIA, WAVE_SIZE_FULL, WAVE_SIZE_SMOKE } from '../dataset';
import { msSince } from '../lib/stats';
import type { BenchContext, Workload } from '../lib/workload';

const CAP = 4;
const EXPIRES_IN_DAYS = 14;
const size = (ctx: BenchContext) => (ctx.smoke ? WAVE_SIZE_SMOKE : WAVE_SIZE_FULL);
let since: Date = new Date();

async function dbNow(ctx: BenchContext): Promise<Date> {
  return ((await ctx.pg.query('SELECT now() AS t')).rows[0] as { t: Date }).t;
}

export const wave: Workload = {
  id: 4,
  name: 'wave of 10,000 invitations vs raw INSERT … SELECT',
  unit: 'ms',
  better: 'lower',
  target: { ratio: 3.0, text: '≤ 3.0' },
  describe: (ctx) => ({
    workload: `POST /api/v1/studies/:id/waves {size: ${size(ctx)}}: invitations, e-mails and outbox rows in one transaction`,
    baseline: `one raw transaction: INSERT … SELECT of the same rows (wave, ${size(ctx)} invitations, e-mails, outbox messages, audit) in the same seeded order`,
  }),
  async setup(ctx) {
    await this.reset!(ctx);
  },
  async workload(ctx, round) {
    since = await dbNow(ctx);
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${ctx.apiUrl}/api/v1/studies/${ctx.dataset.studies.wave}/waves`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.researcherToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ size: size(ctx), expiresInDays: EXPIRES_IN_DAYS, seed: `bench-${round}` }),
    });
    const body = await res.text();
    const ms = msSince(t0);
    if (res.status !== 201 && res.status !== 200) throw new Error(`wave: ${res.status} ${body}`);
    const invited = (JSON.parse(body) as { invited: number }).invited;
    if (invited !== size(ctx)) ctx.log(`    the wave invited ${invited} of ${size(ctx)}`);
    return ms;
  },
  async baseline(ctx, round) {
    since = await dbNow(ctx);
    const d = ctx.dataset;
    const year = new Date().getUTCFullYear();
    const client = await ctx.pg.connect();
    const t0 = process.hrtime.bigint();
    try {
      await client.query('BEGIN');
      const expires = new Date(Date.now() + EXPIRES_IN_DAYS * 86_400_000);
      const [w] = (
        await client.query(
          `INSERT INTO study_waves (study_id, requested, invited, seed, expires_at, created_by) VALUES ($1, $2, $2, $3, $4, $5) RETURNING id`,
          [d.studies.wave, size(ctx), `bench-${round}`, expires, d.researcher.userId],
        )
      ).rows as Array<{ id: string }>;
      await client.query(
        `CREATE TEMP TABLE chosen ON COMMIT DROP AS
         SELECT p.id AS panellist_id, gen_random_uuid() AS invitation_id, gen_random_uuid() AS email_id,
                array_remove(ARRAY[CASE p.tier WHEN 'lead_user' THEN 'tier=lead_user' WHEN 'emerging' THEN 'tier=emerging' WHEN 'mainstream' THEN 'tier=mainstream' END], NULL) AS cells,
                p.locale, p.display_name
           FROM panellists p
          WHERE p.status = 'active' AND p.country = ANY($1::text[]) AND p.birth_year <= $2
            AND p.id NOT IN (SELECT panellist_id FROM study_invitations WHERE created_at > now() - interval '30 days' GROUP BY panellist_id HAVING count(*) >= $3)
            AND NOT EXISTS (SELECT 1 FROM study_invitations si WHERE si.study_id = $4 AND si.panellist_id = p.id)
          ORDER BY md5($5 || p.id::text) LIMIT $6`,
        [WAVE_CRITERIA.countries, year - WAVE_CRITERIA.ageMin, CAP, d.studies.wave, `bench-${round}`, size(ctx)],
      );
      await client.query(
        `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at)
         SELECT invitation_id, $1, $2, panellist_id, 'invited', cells, $3 FROM chosen`,
        [d.studies.wave, w.id, expires],
      );
      await client.query(
        `INSERT INTO email_messages (id, template, locale, recipient, user_id, data, status)
         SELECT c.email_id, 'study-invitation', c.locale, u.email, c.panellist_id,
                jsonb_build_object('displayName', c.display_name, 'studyTitle', s.title, 'theme', s.theme,
                                   'expiresOn', $2::text, 'invitationsUrl', 'http://localhost:3000/me/invitations'), 'queued'
           FROM chosen c JOIN users u ON u.id = c.panellist_id JOIN studies s ON s.id = $1`,
        [d.studies.wave, expires.toISOString().slice(0, 10)],
      );
      await client.query(
        `INSERT INTO outbox_messages (topic, payload, available_at, dedupe_key, subject_id)
         SELECT 'mail.send', jsonb_build_object('emailId', email_id), now(), 'invitation:' || invitation_id, panellist_id FROM chosen
         UNION ALL
         SELECT t, jsonb_build_object('waveId', $1::uuid), $2::timestamptz, t || ':' || $1, NULL::uuid FROM unnest(ARRAY['studies.expire-wave', 'studies.remind-wave-1', 'studies.remind-wave-2']) t`,
        [w.id, expires],
      );
      await client.query(
        `INSERT INTO audit_log (actor_user_id, actor_role, action, target_type, target_id, data) VALUES ($1, 'researcher', 'study.wave', 'study', $2, $3)`,
        [d.researcher.userId, d.studies.wave, JSON.stringify({ waveId: w.id, requested: size(ctx), invited: size(ctx) })],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    return msSince(t0);
  },
  async reset(ctx) {
    const study = ctx.dataset.studies.wave;
    await ctx.pg.query('DELETE FROM study_invitations WHERE study_id = $1', [study]);
    await ctx.pg.query('DELETE FROM study_waves WHERE study_id = $1', [study]);
    await ctx.pg.query('DELETE FROM outbox_messages WHERE created_at >= $1', [since]);
    await ctx.pg.query('DELETE FROM email_messages WHERE created_at >= $1', [since]);
    await ctx.pg.query('DELETE FROM audit_log WHERE created_at >= $1', [since]);
    await ctx.pg.query('VACUUM (ANALYZE) study_invitations, study_waves, outbox_messages, email_messages');
  },
};
