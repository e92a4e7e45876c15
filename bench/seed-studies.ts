import { PREVIEW_CRITERIA, PREVIEW_QUOTAS, WAVE_CRITERIA, WAVE_QUOTAS, type Dataset } from './dataset';
import { K, PAST_STUDIES, PAST_WAVE_DAYS_AGO, S, step, type SeedContext } from './seed-context';

/** The studies (the bench's four and eight past ones), their waves, and the past studies' invitations. */
export async function seedStudies(
  ctx: SeedContext,
  owners: { brandId: string; otherBrandId: string; researcherId: string },
): Promise<Dataset['studies']> {
  const { q, uid, halves, log, N } = ctx;
  const { brandId, otherBrandId, researcherId } = owners;
  // ---- studies
  const done = step(log, 'studies, past invitations');
  const studyIds = {
    report: await uid(K.study, S.report),
    preview: await uid(K.study, S.preview),
    wave: await uid(K.study, S.wave),
    submit: await uid(K.study, S.submit),
  };
  const studies: Array<[number, string, string, number, object, object[], number]> = [
    [
      S.report,
      'Halo: living with a smart bedside lamp',
      'in_field',
      80,
      { countries: ['FR', 'DE', 'GB', 'NL', 'BE', 'ES', 'IT', 'US'], ageMin: 18 },
      [
        { dimension: 'tier', value: 'lead_user', target: 10_000 },
        { dimension: 'tier', value: 'emerging', target: 20_000 },
        { dimension: 'attribute:home_type', value: 'apartment', target: 12_000 },
      ],
      50_000,
    ],
    [S.preview, 'Kitchen of 2030: connected cooking', 'recruiting', 5, PREVIEW_CRITERIA, PREVIEW_QUOTAS, 600],
    [S.wave, 'E-bike commuting diaries', 'recruiting', 3, WAVE_CRITERIA, WAVE_QUOTAS, 10_000],
    [S.submit, 'Halo P3: first impressions', 'in_field', 20, { countries: ['FR', 'DE', 'GB'] }, [], 5_000],
    ...PAST_STUDIES.map((n): [number, string, string, number, object, object[], number] => [
      n,
      `Past study ${n}`,
      n <= 7 ? 'in_field' : n <= 9 ? 'analysing' : 'closed',
      PAST_WAVE_DAYS_AGO[n] + 5,
      { ageMin: 18 },
      [],
      2_000,
    ]),
  ];
  for (const [n, title, status, daysAgo, criteria, quotas, target] of studies) {
    // the bench's own studies are the bench brand's; past ones are shared with another brand
    const owner = n <= S.submit || n % 2 === 0 ? brandId : otherBrandId;
    await q(
      `INSERT INTO studies (id, brand_id, title, theme, brief, target_size, incentive_points, criteria, quotas, status, created_by, created_at, updated_at, post_points)
       VALUES (pg_temp.uid($1::int, $2::bigint), $3, $4, 'lead users at home', 'A study of the bench data set.', $9, 50, $7, $8, $5, $10,
               now() - make_interval(days => $6), now() - make_interval(days => $6), 10)`,
      [K.study, n, owner, title, status, daysAgo, JSON.stringify(criteria), JSON.stringify(quotas), target, researcherId],
    );
  }
  // one wave per study that has invitations
  for (const n of [S.report, S.submit, ...PAST_STUDIES]) {
    const daysAgo = n === S.report ? 75 : n === S.submit ? 18 : PAST_WAVE_DAYS_AGO[n];
    await q(
      `INSERT INTO study_waves (id, study_id, requested, invited, seed, expires_at, created_by, created_at)
       VALUES (pg_temp.uid(${K.wave}, $1), pg_temp.uid(${K.study}, $1), 0, 0, 'bench', now() - make_interval(days => $2) + interval '14 days', $3,
               now() - make_interval(days => $2))`,
      [n, daysAgo, researcherId],
    );
  }
  // past studies: ~1.5 % of the panel each, and a heavy 1.2 % invited by the five most recent ones, four of them in the
  // last 30 days (over the contact cap: the eligibility statements' business)
  await halves(
    `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at, responded_at, reminders_sent, created_at)
     SELECT pg_temp.uid(${K.invitation} + n, i), pg_temp.uid(${K.study}, n), pg_temp.uid(${K.wave}, n), pg_temp.uid(${K.panellist}, i),
            st, '{}', t + interval '14 days', CASE WHEN st = 'invited' THEN NULL ELSE t + interval '2 days' END, 1, t
       FROM generate_series($3::int, $4::int) i
      CROSS JOIN unnest($1::int[]) n
      CROSS JOIN LATERAL (SELECT now() - make_interval(days => ($2::int[])[n - 4]) AS t) x
      CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.rnd(i, 200 + n) < 0.5 THEN 'declined'
                                      WHEN pg_temp.rnd(i, 200 + n) >= 0.8 THEN 'accepted'
                                      WHEN t > now() - interval '14 days' THEN 'invited' ELSE 'expired' END AS st) y
      WHERE (pg_temp.rnd(i, 100 + n) < 0.015 OR (n <= 9 AND pg_temp.rnd(i, 99) < 0.012))
        AND pg_temp.pstatus(i) IN ('active', 'dormant', 'paused')`,
    [[...PAST_STUDIES], PAST_STUDIES.map((n) => PAST_WAVE_DAYS_AGO[n])],
    N,
  );
  done();
  return studyIds;
}
