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
import { Client } from 'pg';
import { validateDefinition } from '@leadpanel/surveys';
import { DATASET_VERSION, REPORT_QUESTIONS, STATUS_WEIGHTS, SUBMIT_QUESTIONS, type Dataset } from './dataset';
import { lookup, step, textArray, type SeedContext } from './seed-context';
import { seedPanel } from './seed-panel';
import { seedReportStudy } from './seed-report';
import { seedStudies } from './seed-studies';
import { seedSubmitPool } from './seed-submit';

export interface SeedOptions {
  panellists: number;
  responses: number;
  seed: number;
  submitPool: number;
  log?: (line: string) => void;
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

    const ctx: SeedContext = { clients, q, uid, halves, log, N, M, seed, submitPool: opts.submitPool };
    const { brandId, otherBrandId, researcherId } = await seedPanel(ctx);
    const studyIds = await seedStudies(ctx, { brandId, otherBrandId, researcherId });
    const { report: reportSurveyId, submit: submitSurveyId } = await seedReportStudy(ctx, studyIds, researcherId);
    const { researcherSession, pool } = await seedSubmitPool(ctx, studyIds, submitSurveyId, researcherId);

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
