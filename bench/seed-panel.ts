import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { COUNTRY_WEIGHTS, DEVICES, EMAIL_DOMAIN, FIRST_NAMES, GENDER_WEIGHTS, HOME_TYPES, INTERESTS, PANELLIST_PASSWORD } from './dataset';
import { combos, K, lookup, step, textArray, type SeedContext } from './seed-context';

/** The brand (and another), the staff, the profile attributes, the recruitment campaign, then the N panellists and their users. */
export async function seedPanel(ctx: SeedContext): Promise<{ brandId: string; otherBrandId: string; researcherId: string }> {
  const { q, uid, halves, log, N, seed } = ctx;
  // ---- brand, staff, attributes, campaign
  let done = step(log, 'brand, staff, attributes, campaign');
  const brandId = await uid(K.brand, 1);
  const otherBrandId = await uid(K.brand, 2);
  const [adminId, researcherId, researcher2Id, brandUserId] = [
    await uid(K.staff, 1),
    await uid(K.staff, 2),
    await uid(K.staff, 3),
    await uid(K.staff, 4),
  ];
  // one hash for every account (argon2 with a fixed salt: deterministic, and a real login works)
  const passwordHash = await argon2.hash(PANELLIST_PASSWORD, {
    type: argon2.argon2id,
    salt: createHash('sha256').update(`leadpanel-bench:${seed}`).digest().subarray(0, 16),
  });
  await q(
    `INSERT INTO brands (id, name, slug, created_at) VALUES ($1, 'Maison Bench', 'maison-bench', now() - interval '800 days'),
            ($2, 'Other Brand', 'other-brand', now() - interval '700 days')`,
    [brandId, otherBrandId],
  );
  await q(
    `INSERT INTO users (id, email, password_hash, role, brand_id, status, created_at, updated_at, email_confirmed_at) VALUES
       ($1, 'admin@${EMAIL_DOMAIN}', $5, 'admin', NULL, 'active', now() - interval '800 days', now() - interval '800 days', now() - interval '800 days'),
       ($2, 'researcher@${EMAIL_DOMAIN}', $5, 'researcher', NULL, 'active', now() - interval '790 days', now() - interval '790 days', now() - interval '790 days'),
       ($3, 'researcher2@${EMAIL_DOMAIN}', $5, 'researcher', NULL, 'active', now() - interval '500 days', now() - interval '500 days', now() - interval '500 days'),
       ($4, 'brand@${EMAIL_DOMAIN}', $5, 'brand', $6, 'active', now() - interval '400 days', now() - interval '400 days', now() - interval '400 days')`,
    [adminId, researcherId, researcher2Id, brandUserId, passwordHash, brandId],
  );
  await q(
    `INSERT INTO profile_attributes (id, key, label, type, options) VALUES
       ($1, 'home_type', 'Home type', 'enum', '["apartment","house","other"]'),
       ($2, 'household_size', 'People in the household', 'number', NULL),
       ($3, 'pets', 'Has pets', 'boolean', NULL),
       ($4, 'devices', 'Connected devices at home', 'multi_enum', $5)`,
    [await uid(K.attribute, 1), await uid(K.attribute, 2), await uid(K.attribute, 3), await uid(K.attribute, 4), JSON.stringify(DEVICES)],
  );
  const screenerId = await uid(K.survey, 9);
  await q(
    `INSERT INTO surveys (id, study_id, kind, title, points, status, questions, created_by, created_at, updated_at, published_at)
     VALUES ($1, NULL, 'screener', 'Lead-user screener', NULL, 'published', '[]', $2, now() - interval '800 days', now() - interval '800 days', now() - interval '800 days')`,
    [screenerId, researcherId],
  );
  const campaignId = await uid(K.campaign, 1);
  await q(
    `INSERT INTO recruitment_campaigns (id, slug, title, description, screener_survey_id, accept_score, weights, created_by, created_at)
     VALUES ($1, 'bench-panel', 'Join the panel', 'Recruitment of the bench panel', $2, 50, '{}', $3, now() - interval '800 days')`,
    [campaignId, screenerId, researcherId],
  );
  done();

  // ---- panellists and their users
  done = step(log, `${N.toLocaleString('en')} users`);
  await halves(
    `INSERT INTO users (id, email, password_hash, role, brand_id, status, created_at, updated_at, email_confirmed_at)
     SELECT pg_temp.uid(${K.panellist}, i), 'panellist' || i || '@${EMAIL_DOMAIN}', $1, 'panellist', NULL,
            CASE WHEN pg_temp.pstatus(i) = 'erased' THEN 'erased' ELSE 'active' END, c, c,
            CASE WHEN pg_temp.pstatus(i) = 'pending_confirmation' THEN NULL ELSE c END
       FROM generate_series($2::int, $3::int) i,
            LATERAL (SELECT now() - make_interval(secs => floor(pg_temp.rnd(i, 10) * 700 * 86400)) AS c) t`,
    [passwordHash],
    N,
  );
  done();
  done = step(log, `${N.toLocaleString('en')} panellists`);
  await halves(
    `INSERT INTO panellists (id, status, display_name, country, locale, birth_year, gender, interests, attributes, campaign_id,
                             score_overall, score_dimensions, tier, last_active_at, confirmed_at, erased_at, created_at, updated_at)
     SELECT pg_temp.uid(${K.panellist}, i), st,
            CASE WHEN st = 'erased' THEN '[erased]'
                 ELSE ${textArray(FIRST_NAMES)}[1 + floor(pg_temp.rnd(i, 11) * ${FIRST_NAMES.length})::int] || ' ' || chr(65 + floor(pg_temp.rnd(i, 12) * 26)::int) || '.' END,
            c, CASE WHEN c IN ('FR', 'BE') THEN 'fr' ELSE 'en' END,
            2008 - floor((pg_temp.rnd(i, 3) + pg_temp.rnd(i, 4)) / 2 * 60)::int,
            ${textArray(lookup(GENDER_WEIGHTS))}[1 + floor(pg_temp.rnd(i, 5) * 100)::int],
            ($1::jsonb[])[1 + floor(pg_temp.rnd(i, 7) * 64)::int],
            jsonb_build_object('home_type', ${textArray(HOME_TYPES)}[1 + floor(pg_temp.rnd(i, 8) * ${HOME_TYPES.length})::int],
                               'household_size', 1 + floor(pg_temp.rnd(i, 14) * 5)::int,
                               'pets', pg_temp.rnd(i, 15) < 0.4,
                               'devices', ($2::jsonb[])[1 + floor(pg_temp.rnd(i, 16) * 32)::int]),
            $3::uuid, s,
            CASE WHEN s IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(
              'ahead_of_trend', least(100, greatest(0, round((s + (pg_temp.rnd(i, 17) - 0.5) * 20)::numeric, 1))),
              'expected_benefit', least(100, greatest(0, round((s + (pg_temp.rnd(i, 18) - 0.5) * 20)::numeric, 1))),
              'own_solutions', least(100, greatest(0, round((s + (pg_temp.rnd(i, 19) - 0.5) * 20)::numeric, 1))),
              'expertise', least(100, greatest(0, round((s + (pg_temp.rnd(i, 20) - 0.5) * 20)::numeric, 1))),
              'opinion_leadership', least(100, greatest(0, round((s + (pg_temp.rnd(i, 21) - 0.5) * 20)::numeric, 1)))) END,
            CASE WHEN s IS NULL THEN NULL WHEN s >= 70 THEN 'lead_user' WHEN s >= 50 THEN 'emerging' ELSE 'mainstream' END,
            CASE WHEN st = 'dormant' THEN now() - interval '200 days' - make_interval(secs => floor(pg_temp.rnd(i, 9) * 100 * 86400))
                 ELSE greatest(created, now() - make_interval(secs => floor(pg_temp.rnd(i, 9) * 170 * 86400))) END,
            CASE WHEN st = 'pending_confirmation' THEN NULL ELSE created + interval '1 hour' END,
            CASE WHEN st = 'erased' THEN created + interval '30 days' ELSE NULL END,
            created, created
       FROM generate_series($4::int, $5::int) i,
            LATERAL (SELECT pg_temp.pstatus(i) AS st,
                            ${textArray(lookup(COUNTRY_WEIGHTS))}[1 + floor(pg_temp.rnd(i, 2) * 100)::int] AS c,
                            now() - make_interval(secs => floor(pg_temp.rnd(i, 10) * 700 * 86400)) AS created,
                            CASE WHEN pg_temp.pstatus(i) = 'pending_confirmation' THEN NULL
                                 ELSE round(((pg_temp.rnd(i, 6) + pg_temp.rnd(i, 13)) / 2 * 100)::numeric, 1) END AS s) t`,
    [combos(INTERESTS, 64, seed * 7 + 1, 1, 4), combos(DEVICES, 32, seed * 7 + 2, 0, 3), campaignId],
    N,
  );
  done();
  return { brandId, otherBrandId, researcherId };
}
