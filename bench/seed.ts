/**
 * `bench-seed`: a realistic panel written straight into the bench database with
 * INSERT … SELECT over generate_series (no row goes through JavaScript), deterministic:
 * every value comes from `hashint8extended(i, seed)` and every id is 128 such hashed bits
 * shaped as a version-4 uuid, so the same arguments give the same data (timestamps are
 * relative to the time of seeding, so that "the last 30 days" means the same thing
 * whenever the bench runs).
 *
 * What it makes, for N panellists and M answer rows (defaults 1,000,000 and 1,000,000):
 * - a brand, an admin, two researchers, a brand user, profile attributes, a recruitment
 *   campaign and its screener;
 * - N panellists and their users (status, country, locale, birth year, gender, interests,
 *   attributes, score and tier drawn from realistic weights; bench/dataset.ts);
 * - invitation history: eight past studies in the last 100 days inviting ~1.5 % of the panel
 *   each, plus a "heavy" 1.2 % invited by the five most recent ones (over the contact cap);
 * - the report study (in field): ≈ M / 20.35 respondents' invitations, participants,
 *   assignments and answers to an 11-question usage survey (every question type, SUS, and an
 *   open question answered by 20 %, in French or English, some with an e-mail address or a
 *   phone number to mask);
 * - the preview study (3) and the wave study (4), recruiting, with criteria and quotas;
 * - the submit study (6): a short survey assigned to a pool of panellists, each with a live
 *   session, and the survey's reminder messages pending in the outbox;
 * - a session for a researcher (the bench signs its own access tokens).
 * Then VACUUM ANALYZE, and the description of the data set in `bench.dataset`.
 */
import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { Client } from 'pg';
import { mulberry32 } from '@leadpanel/platform';
import { validateDefinition } from '@leadpanel/surveys';
import {
  COUNTRY_WEIGHTS,
  DATASET_VERSION,
  DEVICES,
  EMAIL_DOMAIN,
  FEATURE_PROBABILITIES,
  FIRST_NAMES,
  GENDER_WEIGHTS,
  HOME_TYPES,
  INTERESTS,
  PANELLIST_PASSWORD,
  PREVIEW_CRITERIA,
  PREVIEW_QUOTAS,
  REPORT_QUESTIONS,
  ROWS_PER_RESPONDENT,
  STATUS_WEIGHTS,
  SUBMIT_QUESTIONS,
  SUBMITTED_SHARE,
  TEXT_SHARE,
  WAVE_CRITERIA,
  WAVE_QUOTAS,
  type Dataset,
} from './dataset';

export interface SeedOptions {
  panellists: number;
  responses: number;
  seed: number;
  submitPool: number;
  log?: (line: string) => void;
}

/** Id kinds (the `kind` of `uid(kind, i)`). */
const K = {
  staff: 0,
  panellist: 1,
  study: 2,
  wave: 3,
  survey: 4,
  brand: 5,
  attribute: 6,
  campaign: 7,
  invitation: 10, // + study number
  participant: 30, // + study number
  reportAssignment: 50,
  submitAssignment: 51,
  submitSession: 52,
  researcherSession: 53,
  outbox: 54,
  answer: 100, // + question index
} as const;

/** Study numbers (i of uid(K.study, i)); 5..12 are the past studies. */
const S = { report: 1, preview: 2, wave: 3, submit: 4 } as const;
const PAST_STUDIES = [5, 6, 7, 8, 9, 10, 11, 12] as const;
/** When each past study's wave went out (days ago): four within the contact cap's 30 days. */
const PAST_WAVE_DAYS_AGO: Readonly<Record<number, number>> = { 5: 4, 6: 10, 7: 17, 8: 25, 9: 40, 10: 55, 11: 75, 12: 96 };

/** A 100-entry lookup array from [value, percent] weights: `arr[1 + floor(r * 100)]`. */
function lookup<T>(weights: ReadonlyArray<[T, number]>): T[] {
  const out: T[] = [];
  for (const [v, pct] of weights) for (let k = 0; k < pct; k++) out.push(v);
  if (out.length !== 100) throw new Error(`weights must sum to 100 (got ${out.length})`);
  return out;
}

function combos(values: readonly string[], count: number, seed: number, min: number, max: number): string[] {
  const r = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const n = min + Math.floor(r() * (max - min + 1));
    const picked = new Set<string>();
    while (picked.size < n) picked.add(values[Math.floor(r() * values.length)]);
    return JSON.stringify([...picked]);
  });
}

/** A SQL literal of a text array (the values are this file's constants). */
function textArray(values: ReadonlyArray<string | null>): string {
  return `(ARRAY[${values.map((v) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`)).join(',')}]::text[])`;
}

const TEXT_OPENERS_EN = [
  'Honestly,',
  'After three weeks,',
  'In the evening',
  'For reading in bed',
  'Overall',
  'My partner says',
  'When the kids are asleep',
  'Compared to my old lamp,',
  'The first night',
  'Most of the time',
];
const TEXT_MIDDLES_EN = [
  'the warm light is lovely but the app keeps losing the connection',
  'the brightness steps are too coarse at the low end',
  'the schedule feature works well, the wake-up light is my favourite',
  'the touch button is hard to find in the dark',
  'voice control is slow to react and sometimes ignores me',
  'the colour temperature is great for reading',
  'the presence sensor switches the light on when the cat walks by',
  'setting it up took ten minutes and worked first time',
  'the battery lasts about four days, shorter than promised',
  'the base wobbles a little on my bedside table',
];
const TEXT_CLOSERS_EN = [
  'I would pay more for a dimmer night mode.',
  'Please add a physical switch.',
  'I built a little shelf for it myself.',
  'Otherwise it is perfect.',
  'A firmware update would fix most of this.',
  'I would recommend it to friends.',
  'Call me on +44 7700 900123 if you want details.',
  'Write to me at tester.lamp@example.com for photos.',
];
const TEXT_OPENERS_FR = [
  'Franchement,',
  'Après trois semaines,',
  'Le soir',
  'Pour lire au lit',
  'Dans l’ensemble',
  'Mon conjoint trouve que',
  'Quand les enfants dorment',
  'Par rapport à mon ancienne lampe,',
  'La première nuit',
  'La plupart du temps',
];
const TEXT_MIDDLES_FR = [
  'la lumière chaude est agréable mais l’application perd souvent la connexion',
  'les paliers de luminosité sont trop grossiers en bas',
  'la programmation marche bien, le réveil lumineux est génial',
  'le bouton tactile est difficile à trouver dans le noir',
  'la commande vocale réagit lentement',
  'la température de couleur est parfaite pour lire',
  'le capteur de présence allume la lampe quand le chat passe',
  'l’installation a pris dix minutes sans souci',
  'la batterie tient quatre jours, moins que promis',
  'le pied bouge un peu sur ma table de chevet',
];
const TEXT_CLOSERS_FR = [
  'Je paierais plus pour un mode nuit très faible.',
  'Ajoutez un vrai interrupteur, s’il vous plaît.',
  'J’ai fabriqué un petit support moi-même.',
  'Sinon elle est parfaite.',
  'Une mise à jour réglerait presque tout.',
  'Je la recommanderais à mes amis.',
  'Appelez-moi au 06 12 34 56 78 si besoin.',
  'Écrivez-moi à testeur.lampe@example.fr pour des photos.',
];

function step(log: (line: string) => void, label: string): () => void {
  const t0 = process.hrtime.bigint();
  return () => log(`${label} (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}

/** Seeds the bench database at `databaseUrl` (already migrated; its name must contain "bench"). */
export async function benchSeed(databaseUrl: string, opts: SeedOptions): Promise<Dataset> {
  const log = opts.log ?? (() => undefined);
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`refusing to seed ${name}: the bench seeds only a database whose name contains "bench"`);
  const { panellists: N, responses: M, seed } = opts;
  if (!Number.isInteger(N) || N < 1_000) throw new Error('--panellists must be a whole number of at least 1000');
  if (!Number.isInteger(M) || M < 1_000) throw new Error('--responses must be a whole number of at least 1000');
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error('--seed must be a whole number 0..1000000');
  for (const [label, questions] of [
    ['report', REPORT_QUESTIONS],
    ['submit', SUBMIT_QUESTIONS],
  ] as const) {
    const problems = validateDefinition({ kind: 'usage', title: 'bench', questions });
    if (problems.length) throw new Error(`the ${label} survey is invalid: ${JSON.stringify(problems)}`);
  }
  const started = process.hrtime.bigint();
  // two sessions: the big statements are split in two halves by row number and run side by side (one core each)
  const clients = [0, 1].map(() => new Client({ connectionString: databaseUrl, application_name: 'leadpanel-bench-seed' }));
  await Promise.all(clients.map((c) => c.connect()));
  const [db] = clients;
  const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
  /** The id of (kind, i), as the SQL statements make it. */
  const uid = async (kind: number, i: number): Promise<string> =>
    String((await q('SELECT pg_temp.uid($1::int, $2::bigint) AS id', [kind, i]))[0].id);
  /** Runs `sql` on both sessions, for rows $lo..$hi of 1..n split in halves (the last two parameters). */
  const halves = async (sql: string, params: unknown[], n: number) => {
    const mid = Math.floor(n / 2);
    await Promise.all([clients[0].query(sql, [...params, 1, mid]), clients[1].query(sql, [...params, mid + 1, n])]);
  };
  try {
    for (const c of clients) {
      await c.query('SET synchronous_commit = off');
      await c.query("SET maintenance_work_mem = '256MB'");
      await c.query("SET work_mem = '64MB'");
      await c.query('SET jit = off');
      // rnd(i, k): uniform in [0, 1), a pure function of (seed, i, k); uid(kind, i): a uuid of (seed, kind, i)
      await c.query(`CREATE FUNCTION pg_temp.rnd(i bigint, k int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT (hashint8extended(i, ${seed}::bigint * 1000 + k) & 2147483647)::float8 / 2147483648.0 $$`);
      // 128 hashed bits shaped as a version-4 uuid (version nibble 4, variant 10xx): 0.7 µs a call, md5 takes 4
      await c.query(`CREATE FUNCTION pg_temp.uid(kind int, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT encode(int8send((hashint8extended(i, ${seed}::bigint * 10000000 + 1000000 + kind) & ~61440::bigint) | 16384)
                                  || int8send((hashint8extended(i, ${seed}::bigint * 10000000 + 2000000 + kind) & 4611686018427387903)
                                              | (-9223372036854775808)::bigint), 'hex')::uuid $$`);
      // a panellist's status (also needed for the users' status)
      await c.query(`CREATE FUNCTION pg_temp.pstatus(i bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT (${textArray(lookup(STATUS_WEIGHTS))})[1 + floor(pg_temp.rnd(i, 1) * 100)::int] $$`);
    }

    let done = step(log, 'emptied the bench database');
    const tables = (await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`)).map(
      (r) => `"${String(r.tablename)}"`,
    );
    await q(`TRUNCATE ${tables.join(', ')} CASCADE`);
    await q('DROP SCHEMA IF EXISTS bench CASCADE');
    // work tables (seen by both sessions) and, at the end, the data set's description
    await q('CREATE SCHEMA bench');
    done();

    // ---- brand, staff, attributes, campaign
    done = step(log, 'brand, staff, attributes, campaign');
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

    // ---- studies
    done = step(log, 'studies, past invitations');
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

    // ---- the report study: invitations, participants, assignments, answers
    done = step(log, 'report study: invitations, participants, assignments');
    const respondentsTarget = Math.ceil(M / ROWS_PER_RESPONDENT);
    const participantsTarget = Math.ceil(respondentsTarget / SUBMITTED_SHARE);
    const invitedTarget = Math.ceil(participantsTarget * 1.25);
    // the report study's people: active panellists in a seeded order; the first P accepted, then declined, then expired
    await q(
      `CREATE UNLOGGED TABLE bench.report_people AS
             SELECT row_number() OVER (ORDER BY pg_temp.rnd(i, 30), i) AS rank, i, pg_temp.uid(${K.panellist}, i) AS pid
               FROM generate_series(1, $1::int) i
              WHERE pg_temp.pstatus(i) = 'active'
              ORDER BY 1 LIMIT $2`,
      [N, invitedTarget],
    );
    const reportWave = await uid(K.wave, S.report);
    await q(
      `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at, responded_at, reminders_sent, created_at)
       SELECT pg_temp.uid(${K.invitation + S.report}, r.rank), $1, $2, r.pid,
              CASE WHEN r.rank <= $3 THEN 'accepted' WHEN r.rank <= $3 * 1.15 THEN 'declined' ELSE 'expired' END,
              array_remove(ARRAY['tier=' || p.tier, CASE WHEN p.attributes ->> 'home_type' = 'apartment' THEN 'attribute:home_type=apartment' END], NULL),
              now() - interval '61 days', CASE WHEN r.rank <= $3 * 1.15 THEN now() - interval '73 days' ELSE now() - interval '61 days' END,
              1, now() - interval '75 days'
         FROM bench.report_people r JOIN panellists p ON p.id = r.pid`,
      [studyIds.report, reportWave, participantsTarget],
    );
    await q(
      `INSERT INTO study_participants (id, study_id, panellist_id, status, cells, invitation_id, created_at)
       SELECT pg_temp.uid(${K.participant + S.report}, r.rank), $1, r.pid, 'enrolled', i.cells, i.id, now() - interval '73 days'
         FROM bench.report_people r JOIN study_invitations i ON i.study_id = $1 AND i.panellist_id = r.pid
        WHERE r.rank <= $2`,
      [studyIds.report, participantsTarget],
    );
    const reportSurveyId = await uid(K.survey, 1);
    const submitSurveyId = await uid(K.survey, 2);
    await q(
      `INSERT INTO surveys (id, study_id, kind, title, points, status, questions, created_by, created_at, updated_at, published_at) VALUES
         ($1, $2, 'usage', 'Halo at home — usage survey', 100, 'published', $3, $4, now() - interval '70 days', now() - interval '70 days', now() - interval '70 days'),
         ($5, $6, 'usage', 'Halo P3 — first impressions', 30, 'published', $7, $4, now() - interval '17 days', now() - interval '17 days', now() - interval '17 days')`,
      [
        reportSurveyId,
        studyIds.report,
        JSON.stringify(REPORT_QUESTIONS),
        researcherId,
        submitSurveyId,
        studyIds.submit,
        JSON.stringify(SUBMIT_QUESTIONS),
      ],
    );
    await q(
      `INSERT INTO survey_assignments (id, survey_id, study_id, panellist_id, due_at, status, points_credited, created_at, submitted_at)
       SELECT pg_temp.uid(${K.reportAssignment}, r.rank), $1, $2, r.pid, now() - interval '40 days',
              CASE WHEN sub THEN 'submitted' ELSE 'assigned' END, CASE WHEN sub THEN 100 END, now() - interval '70 days',
              CASE WHEN sub THEN now() - interval '69 days' + make_interval(secs => floor(pg_temp.rnd(r.rank, 32) * 25 * 86400)) END
         FROM bench.report_people r, LATERAL (SELECT pg_temp.rnd(r.rank, 31) < $4 AS sub) s
        WHERE r.rank <= $3`,
      [reportSurveyId, studyIds.report, participantsTarget, SUBMITTED_SHARE],
    );
    await q(
      `CREATE UNLOGGED TABLE bench.respondents AS
             SELECT r.rank, r.pid, a.id AS aid, p.tier, p.locale
               FROM bench.report_people r
               JOIN survey_assignments a ON a.id = pg_temp.uid(${K.reportAssignment}, r.rank)
               JOIN panellists p ON p.id = r.pid
              WHERE r.rank <= $1 AND a.status = 'submitted'`,
      [participantsTarget],
    );
    done();

    done = step(log, 'report study: answers');
    // a respondent's leaning: lead users like the lamp a little more; every answer is that plus noise
    const answerSql: Array<{ qi: number; sql: string }> = [];
    const answerInsert = (qi: number, select: string, from = '') =>
      answerSql.push({
        qi,
        sql: `INSERT INTO survey_answers (id, assignment_id, survey_id, study_id, question_id, item_index, numeric_value, option_value, text_value, submitted)
         SELECT pg_temp.uid(${K.answer + qi}, r.rank * 16 + item), r.aid, $1, $2, $3, item, num, opt, txt, true
           FROM bench.respondents r ${from}, LATERAL (${select}) v`,
      });
    const lean = `(CASE r.tier WHEN 'lead_user' THEN 0.12 WHEN 'emerging' THEN 0.05 ELSE 0 END)`;
    // frequency: single choice, weighted
    answerInsert(
      0,
      `SELECT 0 AS item, NULL::numeric AS num,
              (ARRAY['daily','daily','daily','weekly','weekly','weekly','weekly','monthly','monthly','rarely','never'])[1 + floor(pg_temp.rnd(r.rank, 300) * 11)::int] AS opt,
              NULL::text AS txt`,
    );
    // features: multi choice, each option with its probability
    answerInsert(
      1,
      `SELECT k AS item, NULL::numeric AS num, (${textArray(REPORT_QUESTIONS[1].options!.map((o) => o.value))})[k] AS opt, NULL::text AS txt
         FROM generate_series(1, ${FEATURE_PROBABILITIES.length}) k
        WHERE pg_temp.rnd(r.rank * 8 + k, 301) < (ARRAY[${FEATURE_PROBABILITIES.join(',')}]::float8[])[k]`,
    );
    // likert questions 2..5 (scale 5 or 7), rating 6, nps 7, number 8
    for (const qi of [2, 3, 4, 5]) {
      const scale = REPORT_QUESTIONS[qi].scale ?? 5;
      answerInsert(
        qi,
        `SELECT 0 AS item, least(${scale}, greatest(1, 1 + floor((pg_temp.rnd(r.rank, 310 + ${qi}) + pg_temp.rnd(r.rank, 320 + ${qi}) + ${lean}) / 2.12 * ${scale})))::numeric AS num,
                NULL::varchar AS opt, NULL::text AS txt`,
      );
    }
    for (const qi of [6, 7]) {
      answerInsert(
        qi,
        `SELECT 0 AS item, least(10, greatest(0, floor(3 + (pg_temp.rnd(r.rank, 330 + ${qi}) + pg_temp.rnd(r.rank, 340 + ${qi}) + ${lean}) / 2.12 * 8.99)))::numeric AS num,
                NULL::varchar AS opt, NULL::text AS txt`,
      );
    }
    answerInsert(
      8,
      `SELECT 0 AS item, round((pg_temp.rnd(r.rank, 350) * pg_temp.rnd(r.rank, 351) * 60)::numeric, 1) AS num, NULL::varchar AS opt, NULL::text AS txt`,
    );
    // SUS: 10 items 1..5; odd items positive, even items negative, with the respondent's leaning
    answerInsert(
      9,
      `SELECT k AS item,
              (CASE WHEN k % 2 = 1 THEN least(5, greatest(1, 1 + floor((pg_temp.rnd(r.rank * 16 + k, 360) + 0.3 + ${lean}) / 1.42 * 5)))
                    ELSE least(5, greatest(1, 5 - floor((pg_temp.rnd(r.rank * 16 + k, 360) + 0.3 + ${lean}) / 1.42 * 5))) END)::numeric AS num,
              NULL::varchar AS opt, NULL::text AS txt
         FROM generate_series(1, 10) k`,
    );
    // open text: 20 % answer, in their locale
    answerInsert(
      10,
      `SELECT 0 AS item, NULL::numeric AS num, NULL::varchar AS opt,
              CASE WHEN r.locale = 'fr'
                   THEN ${textArray(TEXT_OPENERS_FR)}[1 + floor(pg_temp.rnd(r.rank, 371) * ${TEXT_OPENERS_FR.length})::int] || ' ' ||
                        ${textArray(TEXT_MIDDLES_FR)}[1 + floor(pg_temp.rnd(r.rank, 372) * ${TEXT_MIDDLES_FR.length})::int] || '. ' ||
                        ${textArray(TEXT_CLOSERS_FR)}[1 + floor(pg_temp.rnd(r.rank, 373) * ${TEXT_CLOSERS_FR.length})::int]
                   ELSE ${textArray(TEXT_OPENERS_EN)}[1 + floor(pg_temp.rnd(r.rank, 371) * ${TEXT_OPENERS_EN.length})::int] || ' ' ||
                        ${textArray(TEXT_MIDDLES_EN)}[1 + floor(pg_temp.rnd(r.rank, 372) * ${TEXT_MIDDLES_EN.length})::int] || '. ' ||
                        ${textArray(TEXT_CLOSERS_EN)}[1 + floor(pg_temp.rnd(r.rank, 373) * ${TEXT_CLOSERS_EN.length})::int] END AS txt
        WHERE pg_temp.rnd(r.rank, 370) < ${TEXT_SHARE}`,
    );
    // SUS (half the rows) on one session, the other questions on the other
    const run = async (client: Client, items: typeof answerSql) => {
      for (const a of items) await client.query(a.sql, [reportSurveyId, studyIds.report, REPORT_QUESTIONS[a.qi].id]);
    };
    await Promise.all([
      run(
        clients[0],
        answerSql.filter((a) => REPORT_QUESTIONS[a.qi].type !== 'sus'),
      ),
      run(
        clients[1],
        answerSql.filter((a) => REPORT_QUESTIONS[a.qi].type === 'sus'),
      ),
    ]);
    done();

    // ---- the submit study: a pool of assignments, each with a live session, and their pending reminders
    done = step(log, 'submit pool, sessions');
    await q(
      `CREATE UNLOGGED TABLE bench.submit_people AS
             SELECT row_number() OVER (ORDER BY pg_temp.rnd(i, 40), i) AS rank, i, pg_temp.uid(${K.panellist}, i) AS pid
               FROM generate_series(1, $1::int) i
              WHERE pg_temp.pstatus(i) = 'active'
              ORDER BY 1 LIMIT $2`,
      [N, opts.submitPool],
    );
    const submitWave = await uid(K.wave, S.submit);
    await q(
      `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at, responded_at, reminders_sent, created_at)
       SELECT pg_temp.uid(${K.invitation + S.submit}, rank), $1, $2, pid, 'accepted', '{}', now() - interval '4 days', now() - interval '17 days', 0, now() - interval '18 days'
         FROM bench.submit_people`,
      [studyIds.submit, submitWave],
    );
    await q(
      `INSERT INTO study_participants (id, study_id, panellist_id, status, cells, invitation_id, created_at)
       SELECT pg_temp.uid(${K.participant + S.submit}, rank), $1, pid, 'enrolled', '{}', pg_temp.uid(${K.invitation + S.submit}, rank), now() - interval '17 days'
         FROM bench.submit_people`,
      [studyIds.submit],
    );
    await q(
      `INSERT INTO survey_assignments (id, survey_id, study_id, panellist_id, due_at, status, created_at)
       SELECT pg_temp.uid(${K.submitAssignment}, rank), $1, $2, pid, now() + interval '14 days', 'assigned', now() - interval '16 days'
         FROM bench.submit_people`,
      [submitSurveyId, studyIds.submit],
    );
    await q(
      `INSERT INTO outbox_messages (id, topic, payload, status, available_at, dedupe_key, subject_id, created_at)
       SELECT pg_temp.uid(${K.outbox}, rank * 2 + n), 'surveys.reminder',
              jsonb_build_object('assignmentId', pg_temp.uid(${K.submitAssignment}, rank), 'n', n), 'pending',
              now() + make_interval(days => 14 - 7 * (2 - n) - 1), 'survey-reminder:' || pg_temp.uid(${K.submitAssignment}, rank) || ':' || n,
              pid, now() - interval '16 days'
         FROM bench.submit_people, generate_series(1, 2) n`,
    );
    await q(
      `INSERT INTO auth_sessions (id, user_id, created_at) SELECT pg_temp.uid(${K.submitSession}, rank), pid, now() - interval '1 hour' FROM bench.submit_people`,
    );
    const researcherSession = await uid(K.researcherSession, 1);
    await q(`INSERT INTO auth_sessions (id, user_id, created_at) VALUES ($1, $2, now() - interval '1 hour')`, [
      researcherSession,
      researcherId,
    ]);
    const pool = (
      await q(
        `SELECT pg_temp.uid(${K.submitAssignment}, rank) AS "assignmentId", pid AS "panellistId", pg_temp.uid(${K.submitSession}, rank) AS "sessionId"
           FROM bench.submit_people ORDER BY rank`,
      )
    ).map((r) => ({ assignmentId: String(r.assignmentId), panellistId: String(r.panellistId), sessionId: String(r.sessionId) }));
    done();

    done = step(log, 'VACUUM ANALYZE');
    await q('VACUUM (ANALYZE)');
    done();

    const counts: Record<string, number> = {};
    for (const t of [
      'users',
      'panellists',
      'studies',
      'study_invitations',
      'study_participants',
      'survey_assignments',
      'survey_answers',
      'outbox_messages',
    ]) {
      counts[t] = Number((await q(`SELECT count(*)::int AS n FROM ${t}`))[0].n);
    }
    counts.text_answers = Number(
      (await q(`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1 AND text_value IS NOT NULL`, [reportSurveyId]))[0].n,
    );
    counts.respondents = Number((await q(`SELECT count(*)::int AS n FROM bench.respondents`))[0].n);
    const dataset: Dataset = {
      version: DATASET_VERSION,
      args: { panellists: N, responses: M, seed, submitPool: opts.submitPool },
      seededAt: new Date().toISOString(),
      seedSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100,
      counts,
      brandId,
      researcher: { userId: researcherId, sessionId: researcherSession },
      studies: studyIds,
      surveys: { report: reportSurveyId, submit: submitSurveyId },
      submitPool: pool,
    };
    await q('DROP TABLE bench.report_people, bench.respondents, bench.submit_people');
    await q('CREATE TABLE bench.dataset (description jsonb NOT NULL)');
    await q('INSERT INTO bench.dataset (description) VALUES ($1)', [JSON.stringify(dataset)]);
    return dataset;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** The description the seed left, or null when the bench database was never seeded (or seeded by an older bench). */
export async function readDataset(databaseUrl: string): Promise<Dataset | null> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'leadpanel-bench' });
  await db.connect();
  try {
    const exists = await db.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS ok`);
    if (!(exists.rows[0] as { ok: boolean }).ok) return null;
    const rows = (await db.query('SELECT description FROM bench.dataset')).rows as Array<{ description: Dataset }>;
    const d = rows[0]?.description;
    return d && d.version === DATASET_VERSION ? d : null;
  } finally {
    await db.end();
  }
}
