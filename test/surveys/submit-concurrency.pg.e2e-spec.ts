import {
  createStudySurvey,
  createSurveysTestApp,
  dataSource,
  FULL_ANSWERS,
  getAssignment,
  inDays,
  mustMyAssignment,
  outboxRows,
  pointsOf,
  postAssignments,
  reminderKeys,
  saveAnswers,
  submit,
  type Survey,
  type TestApp,
  type TestUser,
} from './survey-helpers';
import { cohort, studyWorld, type Cohort } from '../support/world';

const INCENTIVE = 35;

/** Needs a real PostgreSQL server (PGlite is a single session): run with DATABASE_URL set. */
describe('Survey submissions under concurrent requests', () => {
  let t: TestApp;
  let researcher: TestUser;
  let dk: Cohort; // 5 participants
  let survey: Survey;

  beforeAll(async () => {
    t = await createSurveysTestApp();
    const w = await studyWorld(t);
    researcher = w.researcher;
    dk = await cohort(t, w, { country: 'DK', participants: 5, study: { title: 'Danish kettles', incentivePoints: INCENTIVE } });
    survey = await createStudySurvey(t, researcher.token, { studyId: dk.study.id, title: 'Race week' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('4 concurrent assignments of one survey assign each participant once, with one mail and one pair of reminders each', async () => {
    const dueAt = inDays(6);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => postAssignments(t, researcher.token, survey.id, { audience: 'all_participants', dueAt })),
    );
    for (const r of results) expect(r.status).toBe(201);
    expect(results.map((r) => r.body.assigned as number).reduce((a, b) => a + b, 0)).toBe(5);
    for (const p of dk.participants) {
      const a = await mustMyAssignment(t, p, survey.id);
      expect((await outboxRows(t, reminderKeys(a.id))).map((r) => r.status)).toEqual(['pending', 'pending']);
      await t.smtp.waitFor(p.email, 1 + 1 + 1); // confirm, invitation, survey available
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const p of dk.participants) {
      expect(t.smtp.to(p.email).filter((m) => m.subject === 'A survey is waiting for you: Race week')).toHaveLength(1);
    }
  });

  it.each([0, 1, 2, 3])(
    'participant %i: 8 concurrent submits (same and different Idempotency-Keys) credit the points exactly once',
    async (i) => {
      const p = dk.participants[i];
      const a = await mustMyAssignment(t, p, survey.id);
      const keys = [`a${i}`, `a${i}`, `a${i}`, `b${i}`, `b${i}`, undefined, undefined, `c${i}`];
      const results = await Promise.all(keys.map((key) => submit(t, p, a.id, { key, answers: FULL_ANSWERS })));

      for (const r of results) expect([200, 409]).toContain(r.status);
      const ok = results.flatMap((r, j) => (r.status === 200 ? [j] : []));
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const j of ok) expect(results[j].body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });
      // the 200s are the one request that won and its retries: one key (or one request without a key)
      const winningKeys = new Set(ok.map((j) => keys[j]));
      expect(winningKeys.size).toBe(1);
      const [winner] = winningKeys;
      if (winner === undefined) expect(ok).toHaveLength(1);
      else expect(ok).toEqual(keys.flatMap((k, j) => (k === winner ? [j] : [])));

      const points = await pointsOf(t, p);
      expect(points.balance).toBe(INCENTIVE);
      expect(points.entries).toHaveLength(1);
      const detail = await getAssignment(t, p, a.id);
      expect(detail.body).toMatchObject({ status: 'submitted', pointsCredited: INCENTIVE, answers: FULL_ANSWERS });
      const rows = (await dataSource(t).query(
        `SELECT count(*)::int AS n, bool_and(submitted) AS all FROM survey_answers WHERE assignment_id = $1`,
        [a.id],
      )) as Array<{ n: number; all: boolean }>;
      expect(rows[0]).toEqual({ n: 1 + 2 + 1 + 1 + 1 + 10 + 1 + 1, all: true });
      expect((await outboxRows(t, reminderKeys(a.id))).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);

      // a later retry with the winning key still gets the first result
      if (winner !== undefined) {
        const retry = await submit(t, p, a.id, { key: winner });
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });
      }
      expect((await pointsOf(t, p)).balance).toBe(INCENTIVE);
    },
  );

  it('concurrent partial saves of different questions lose none of them', async () => {
    const other = await createStudySurvey(t, researcher.token, { studyId: dk.study.id, title: 'Parallel saves' });
    const p = dk.participants[0];
    expect((await postAssignments(t, researcher.token, other.id, { panellistIds: [p.id], dueAt: inDays(6) })).status).toBe(201);
    const a = await mustMyAssignment(t, p, other.id);
    const parts = [{ used: 'no' }, { ease: 2 }, { stars: 7 }, { recommend: 3 }, { cups: 4 }, { comment: 'Loud' }];
    const results = await Promise.all(parts.map((answers) => saveAnswers(t, p, a.id, answers)));
    for (const r of results) expect(r.status).toBe(200);
    expect((await getAssignment(t, p, a.id)).body.answers).toEqual(Object.assign({}, ...parts));
  });

  it('8 concurrent retries with one key all get the first result, and credit once', async () => {
    const p = dk.participants[4];
    const a = await mustMyAssignment(t, p, survey.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(t, p, a.id, { key: 'same', answers: FULL_ANSWERS })));
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });
    }
    expect((await pointsOf(t, p)).balance).toBe(INCENTIVE);
  });
});
