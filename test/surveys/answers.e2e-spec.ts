import {
  API,
  assignAll,
  bearer,
  createStudySurvey,
  createSurveysTestApp,
  dataSource,
  errorFields,
  expectProblem,
  FULL_ANSWERS,
  getAssignment,
  MISSING,
  mustMyAssignment,
  outboxRows,
  pointsOf,
  reminderKeys,
  saveAnswers,
  submit,
  type Panellist,
  type Survey,
  type TestApp,
  type TestUser,
} from './survey-helpers';
import { cohort, studyWorld, type Cohort } from '../support/world';
import { erase, exportOf } from '../support/data-rights';

const INCENTIVE = 40;

/** Partial save, answer validation, submit with Idempotency-Key, points, pseudonymised responses. */
describe('Survey answers and submissions', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandId: string;
  let be: Cohort; // 8 participants of a study with incentivePoints 40
  let plain: Survey; // no points: the study's incentivePoints
  let fifteen: Survey; // points 15
  let zero: Survey; // points 0

  beforeAll(async () => {
    t = await createSurveysTestApp();
    const w = await studyWorld(t);
    ({ researcher, brandId } = w);
    be = await cohort(t, w, { country: 'BE', participants: 8, study: { title: 'Belgian kettles', incentivePoints: INCENTIVE } });
    plain = await createStudySurvey(t, researcher.token, { studyId: be.study.id, title: 'Week one' });
    fifteen = await createStudySurvey(t, researcher.token, { studyId: be.study.id, title: 'Week two', points: 15 });
    zero = await createStudySurvey(t, researcher.token, { studyId: be.study.id, title: 'Week three', points: 0 });
    for (const s of [plain, fifteen, zero]) expect(await assignAll(t, researcher.token, s.id)).toBe(8);
  });
  afterAll(async () => {
    await t.close();
  });

  const assignmentId = async (p: Panellist, s: Survey = plain) => (await mustMyAssignment(t, p, s.id)).id;
  const answersOf = async (p: Panellist, id: string) => {
    const res = await getAssignment(t, p, id);
    expect(res.status).toBe(200);
    return res.body.answers as Record<string, unknown>;
  };
  const storedRows = async (id: string) =>
    (await dataSource(t).query(
      `SELECT question_id AS "questionId", item_index AS "itemIndex", submitted FROM survey_answers WHERE assignment_id = $1 ORDER BY question_id, item_index`,
      [id],
    )) as Array<{ questionId: string; itemIndex: number; submitted: boolean }>;

  describe('partial save', () => {
    it('saves answers in parts, and GET /me/assignments/:id reloads them', async () => {
      const p = be.participants[0];
      const id = await assignmentId(p);

      const first = await saveAnswers(t, p, id, { used: 'yes', ease: 4 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id, status: 'assigned', answers: { used: 'yes', ease: 4 } });
      expect(await answersOf(p, id)).toEqual({ used: 'yes', ease: 4 });

      // multi_choice is kept in the order of the options; text is trimmed
      const second = await saveAnswers(t, p, id, { features: ['app', 'timer'], comment: '  Nice  ', sus: [1, 2, 3, 4, 5, 5, 4, 3, 2, 1] });
      expect(second.status).toBe(200);
      const expected = { used: 'yes', features: ['timer', 'app'], ease: 4, sus: [1, 2, 3, 4, 5, 5, 4, 3, 2, 1], comment: 'Nice' };
      expect(second.body.answers).toEqual(expected);
      expect(await answersOf(p, id)).toEqual(expected);
      // one row per answered question (per option, per SUS item), not yet submitted
      const rows = await storedRows(id);
      expect(rows).toHaveLength(1 + 2 + 1 + 10 + 1);
      expect(rows.every((r) => !r.submitted)).toBe(true);

      // null clears one answer; an empty patch changes nothing
      expect((await saveAnswers(t, p, id, { ease: null })).body.answers).toEqual({ ...expected, ease: undefined });
      expect((await saveAnswers(t, p, id, {})).status).toBe(200);
      expect(await answersOf(p, id)).toEqual({ used: 'yes', features: ['timer', 'app'], sus: expected.sus, comment: 'Nice' });

      // changing the parent hides its child: the child's saved answer is dropped, the other child opens
      const switched = await saveAnswers(t, p, id, { used: 'no', why_not: 'Travelling' });
      expect(switched.status).toBe(200);
      expect(await answersOf(p, id)).toEqual({ used: 'no', sus: expected.sus, why_not: 'Travelling', comment: 'Nice' });
      expect((await getAssignment(t, p, id)).body).toMatchObject({ status: 'assigned', submittedAt: null, pointsCredited: null });
    });
  });

  it('keeps numbers exactly as sent (large, small, fractional; -0 as 0) when there are no bounds', async () => {
    const numbers = await createStudySurvey(t, researcher.token, {
      studyId: be.study.id,
      title: 'Numbers',
      questions: [
        { id: 'big', type: 'number', prompt: 'A big number' },
        { id: 'small', type: 'number', prompt: 'A small number' },
        { id: 'fraction', type: 'number', prompt: 'A fraction' },
        { id: 'zero', type: 'number', prompt: 'Zero' },
      ],
    });
    const p = be.participants[0];
    const res = await t
      .http()
      .post(`${API}/surveys/${numbers.id}/assignments`)
      .set(...bearer(researcher.token))
      .send({ panellistIds: [p.id], dueAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString() });
    expect(res.status).toBe(201);
    const id = await assignmentId(p, numbers);
    const sent = { big: 1.7976931348623157e308, small: -2.5e-7, fraction: 0.1 + 0.2, zero: -0 };
    const saved = await t
      .http()
      .put(`${API}/me/assignments/${id}/answers`)
      .set(...bearer(p.token))
      .set('Content-Type', 'application/json')
      .send('{"answers":{"big":1.7976931348623157e308,"small":-2.5e-7,"fraction":0.30000000000000004,"zero":-0}}');
    expect(saved.status).toBe(200);
    expect(await answersOf(p, id)).toEqual({ ...sent, zero: 0 });
    expect(Object.is((await answersOf(p, id)).zero, 0)).toBe(true);
    expectProblem(await saveAnswers(t, p, id, { big: '1e400' }), 400, 'invalid-answers');
  });

  describe('each invalid answer is refused with 400 naming its field, and nothing is saved', () => {
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['single_choice: not an option', { used: 'maybe' }, ['answers.used']],
      ['single_choice: a number', { used: 1 }, ['answers.used']],
      ['single_choice: an array', { used: ['yes'] }, ['answers.used']],
      ['multi_choice: a string', { features: 'timer' }, ['answers.features']],
      ['multi_choice: empty', { features: [] }, ['answers.features']],
      ['multi_choice: not an option', { features: ['timer', 'grill'] }, ['answers.features']],
      ['multi_choice: twice the same', { features: ['timer', 'timer'] }, ['answers.features']],
      ['likert: 0', { ease: 0 }, ['answers.ease']],
      ['likert: above the scale', { ease: 6 }, ['answers.ease']],
      ['likert: a fraction', { ease: 3.5 }, ['answers.ease']],
      ['likert: a numeric string', { ease: '4' }, ['answers.ease']],
      ['rating: 11', { stars: 11 }, ['answers.stars']],
      ['rating: negative', { stars: -1 }, ['answers.stars']],
      ['rating: true', { stars: true }, ['answers.stars']],
      ['nps: 11', { recommend: 11 }, ['answers.recommend']],
      ['nps: a fraction', { recommend: 9.5 }, ['answers.recommend']],
      ['sus: 9 items', { sus: [3, 3, 3, 3, 3, 3, 3, 3, 3] }, ['answers.sus']],
      ['sus: 11 items', { sus: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3] }, ['answers.sus']],
      ['sus: an item of 6', { sus: [3, 3, 3, 3, 3, 6, 3, 3, 3, 3] }, ['answers.sus']],
      ['sus: an item of 0', { sus: [0, 3, 3, 3, 3, 3, 3, 3, 3, 3] }, ['answers.sus']],
      ['sus: a number', { sus: 30 }, ['answers.sus']],
      ['number: above max', { cups: 51 }, ['answers.cups']],
      ['number: below min', { cups: -1 }, ['answers.cups']],
      ['number: a string', { cups: '3' }, ['answers.cups']],
      ['number: an object', { cups: { n: 3 } }, ['answers.cups']],
      ['text: too long', { comment: 'x'.repeat(41) }, ['answers.comment']],
      ['text: blank', { comment: '   ' }, ['answers.comment']],
      ['text: a number', { comment: 5 }, ['answers.comment']],
      ['text: a NUL character', { comment: 'a\u0000b' }, ['answers.comment']],
      ['an unknown question', { nope: 1 }, ['answers.nope']],
      ['a hidden question (showIf not met)', { why_not: 'Too loud' }, ['answers.why_not']],
      ['several at once', { ease: 9, stars: 'x', nope: 1, used: 'yes' }, ['answers.ease', 'answers.nope', 'answers.stars']],
    ];
    let p: Panellist;
    let id: string;

    beforeAll(async () => {
      p = be.participants[1];
      id = await assignmentId(p);
      expect((await saveAnswers(t, p, id, { used: 'yes', ease: 2 })).status).toBe(200);
    });

    it.each(cases)('%s', async (_what, answers, fields) => {
      const res = await saveAnswers(t, p, id, answers);
      expectProblem(res, 400, 'invalid-answers');
      expect(errorFields(res)).toEqual(fields);
      expect(await answersOf(p, id)).toEqual({ used: 'yes', ease: 2 });
      // submit refuses the same answers the same way
      const sub = await submit(t, p, id, { answers: { ...FULL_ANSWERS, ...answers } });
      expectProblem(sub, 400, 'invalid-answers');
      expect(errorFields(sub)).toEqual(fields);
    });

    it.each<[string, string]>([
      ['answers that are a list', '{"answers":[1,2]}'],
      ['answers that are a string', '{"answers":"yes"}'],
      ['answers that are null', '{"answers":null}'],
      ['no answers', '{}'],
      ['an unknown field', '{"answers":{},"extra":1}'],
    ])('refuses %s (400 naming answers)', async (_what, raw) => {
      const res = await t
        .http()
        .put(`${API}/me/assignments/${id}/answers`)
        .set(...bearer(p.token))
        .set('Content-Type', 'application/json')
        .send(raw);
      expectProblem(res, 400);
      expect(errorFields(res).length).toBeGreaterThan(0);
      expect(await answersOf(p, id)).toEqual({ used: 'yes', ease: 2 });
    });

    it('ignores __proto__ and constructor keys (the validation pipe strips them) without a server error', async () => {
      const res = await t
        .http()
        .put(`${API}/me/assignments/${id}/answers`)
        .set(...bearer(p.token))
        .set('Content-Type', 'application/json')
        .send('{"answers":{"__proto__":{"ease":5},"constructor":{"prototype":{"x":1}},"stars":3}}');
      expect(res.status).toBe(200);
      expect(await answersOf(p, id)).toEqual({ used: 'yes', ease: 2, stars: 3 });
      expect(({} as Record<string, unknown>).ease).toBeUndefined();
      expect((await saveAnswers(t, p, id, { stars: null })).status).toBe(200);
    });
  });

  describe('submit', () => {
    it('refuses a submit that leaves required questions unanswered (400 naming each), and nothing is submitted', async () => {
      const p = be.participants[2];
      const id = await assignmentId(p);
      const res = await submit(t, p, id, { key: 'first-try' });
      expectProblem(res, 400, 'invalid-answers');
      expect(errorFields(res)).toEqual(['answers.ease', 'answers.recommend', 'answers.used']);
      // once "used" is yes, its required child must be answered too
      const child = await submit(t, p, id, { answers: { used: 'yes', ease: 3, recommend: 7 } });
      expectProblem(child, 400, 'invalid-answers');
      expect(errorFields(child)).toEqual(['answers.features']);
      expect((await getAssignment(t, p, id)).body).toMatchObject({ status: 'assigned', pointsCredited: null });
      expect((await pointsOf(t, p)).balance).toBe(0);

      // the key of a failed submit is free again: the retry runs
      expect((await saveAnswers(t, p, id, { used: 'no', ease: 3 })).status).toBe(200);
      const ok = await submit(t, p, id, { key: 'first-try', answers: { recommend: 7, why_not: 'Broken plug' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });
    });

    it('submits once with an Idempotency-Key: a retry returns the first result, another submit is a 409, points are credited once', async () => {
      const p = be.participants[3];
      const id = await assignmentId(p);
      expect((await saveAnswers(t, p, id, { used: 'yes', features: ['keep_warm'], ease: 5 })).status).toBe(200);

      const first = await submit(t, p, id, { key: 'submit-1', answers: { recommend: 10, cups: 2 } });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });

      const retry = await submit(t, p, id, { key: 'submit-1', answers: { recommend: 0 } });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);

      expectProblem(await submit(t, p, id, { key: 'submit-2' }), 409, 'already-submitted');
      expectProblem(await submit(t, p, id), 409, 'already-submitted');
      expectProblem(await submit(t, p, id, { key: 'submit-3', answers: { ease: 99 } }), 409, 'already-submitted');
      expectProblem(await saveAnswers(t, p, id, { ease: 1 }), 409, 'already-submitted');

      const detail = await getAssignment(t, p, id);
      expect(detail.body).toMatchObject({
        status: 'submitted',
        submittedAt: expect.stringMatching(/Z$/),
        pointsCredited: INCENTIVE,
        answers: { used: 'yes', features: ['keep_warm'], ease: 5, recommend: 10, cups: 2 },
      });
      expect((await storedRows(id)).every((r) => r.submitted)).toBe(true);

      const points = await pointsOf(t, p);
      expect(points.balance).toBe(INCENTIVE);
      expect(points.entries).toEqual([expect.objectContaining({ delta: INCENTIVE, reason: 'survey_submitted' })]);
    });

    it("credits the survey's points when set (15, and 0), else the study's incentivePoints", async () => {
      const p = be.participants[4];
      const a = await submit(t, p, await assignmentId(p, fifteen), { answers: FULL_ANSWERS });
      expect(a.body).toEqual({ status: 'submitted', pointsCredited: 15 });
      const b = await submit(t, p, await assignmentId(p, zero), { answers: FULL_ANSWERS });
      expect(b.body).toEqual({ status: 'submitted', pointsCredited: 0 });
      const c = await submit(t, p, await assignmentId(p, plain), { answers: FULL_ANSWERS });
      expect(c.body).toEqual({ status: 'submitted', pointsCredited: INCENTIVE });
      expect((await pointsOf(t, p)).balance).toBe(15 + INCENTIVE);
      expect((await mustMyAssignment(t, p, fifteen.id)).pointsCredited).toBe(15);
    });

    it('refuses an Idempotency-Key used for another request (409) and a malformed key (400)', async () => {
      const p = be.participants[5];
      const one = await assignmentId(p, plain);
      const two = await assignmentId(p, fifteen);
      expect((await submit(t, p, one, { key: 'mine-1', answers: FULL_ANSWERS })).status).toBe(200);
      expectProblem(await submit(t, p, two, { key: 'mine-1', answers: FULL_ANSWERS }), 409, 'idempotency-key-reused');
      expectProblem(await submit(t, p, two, { key: 'has space', answers: FULL_ANSWERS }), 400);
      expectProblem(await submit(t, p, two, { key: 'k'.repeat(201), answers: FULL_ANSWERS }), 400);
      expect((await mustMyAssignment(t, p, fifteen.id)).status).toBe('assigned');
      // a key is the caller's own: another panellist may use the same one
      const q = be.participants[6];
      expect((await submit(t, q, await assignmentId(q, fifteen), { key: 'mine-1', answers: FULL_ANSWERS })).body).toEqual({
        status: 'submitted',
        pointsCredited: 15,
      });
    });

    it("another panellist's assignment is a 404 on every route; a malformed id is a 400", async () => {
      const [owner, other] = [be.participants[7], be.participants[0]];
      const id = await assignmentId(owner, fifteen);
      expectProblem(await getAssignment(t, other, id), 404, 'assignment-not-found');
      expectProblem(await saveAnswers(t, other, id, { used: 'yes' }), 404, 'assignment-not-found');
      expectProblem(await submit(t, other, id, { key: 'steal', answers: FULL_ANSWERS }), 404, 'assignment-not-found');
      expectProblem(await submit(t, other, MISSING, { answers: FULL_ANSWERS }), 404, 'assignment-not-found');
      expectProblem(await saveAnswers(t, other, 'nope', {}), 400);
      expectProblem(await submit(t, other, 'nope'), 400);
      expect((await mustMyAssignment(t, owner, fifteen.id)).status).toBe('assigned');
      expect(await answersOf(owner, id)).toEqual({});
    });

    it('is for panellists: anonymous 401, researcher 403', async () => {
      const id = await assignmentId(be.participants[7], zero);
      expectProblem(await t.http().put(`${API}/me/assignments/${id}/answers`).send({ answers: {} }), 401);
      expectProblem(await t.http().post(`${API}/me/assignments/${id}/submit`).send({}), 401);
      expectProblem(
        await t
          .http()
          .put(`${API}/me/assignments/${id}/answers`)
          .set(...bearer(researcher.token))
          .send({ answers: {} }),
        403,
      );
      expectProblem(
        await t
          .http()
          .post(`${API}/me/assignments/${id}/submit`)
          .set(...bearer(researcher.token))
          .send({}),
        403,
      );
    });
  });

  describe('GET /surveys/:id/responses', () => {
    const get = (surveyId: string, query = '', token = researcher.token) =>
      t
        .http()
        .get(`${API}/surveys/${surveyId}/responses${query}`)
        .set(...bearer(token));

    it('lists submitted responses under pseudonyms (P-01…), with their answers and no personal data', async () => {
      const res = await get(plain.id, '?limit=100');
      expect(res.status).toBe(200);
      // participants 2, 3, 4 and 5 submitted the plain survey above (0 saved only, 1 never passed)
      const items = res.body.items as Array<{ pseudonym: string; answers: Record<string, unknown>; submittedAt: string }>;
      expect(items).toHaveLength(4);
      expect(res.body.nextCursor).toBeNull();
      for (const item of items) {
        expect(item.pseudonym).toMatch(/^P-\d{2,}$/);
        expect(item.submittedAt).toMatch(/Z$/);
        expect(Object.keys(item).sort()).toEqual(['answers', 'pseudonym', 'responseId', 'submittedAt']);
      }
      expect(new Set(items.map((i) => i.pseudonym)).size).toBe(4);
      expect(items.map((i) => i.answers)).toContainEqual({ used: 'yes', features: ['keep_warm'], ease: 5, recommend: 10, cups: 2 });
      expect(items.map((i) => i.answers)).toContainEqual({ used: 'no', ease: 3, recommend: 7, why_not: 'Broken plug' });

      const text = res.text.toLowerCase();
      for (const p of be.participants) {
        expect(text).not.toContain(p.email.toLowerCase());
        expect(text).not.toContain(p.id);
        expect(text).not.toContain(p.displayName.toLowerCase());
      }

      // stable: the same pseudonyms next time, and one per participant across the study's surveys
      const again = await get(plain.id, '?limit=100');
      expect(again.body.items).toEqual(res.body.items);
      const other = await get(fifteen.id, '?limit=100');
      expect(other.status).toBe(200);
      const byResponse = (r: typeof res) => (r.body.items as Array<{ pseudonym: string }>).map((i) => i.pseudonym);
      // participant 4 submitted both: one pseudonym in both lists
      expect(byResponse(res).filter((x) => byResponse(other).includes(x)).length).toBeGreaterThanOrEqual(1);
    });

    it('pages with limit and cursor', async () => {
      const all = (await get(plain.id, '?limit=100')).body.items as Array<{ responseId: string }>;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(plain.id, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...(res.body.items as Array<{ responseId: string }>).map((i) => i.responseId));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(all.map((i) => i.responseId));
      expectProblem(await get(plain.id, '?limit=0'), 400);
      expectProblem(await get(plain.id, '?cursor=bad'), 400);
    });

    it('is empty for a survey nobody submitted; 404 for an unknown survey, 400 for a malformed id', async () => {
      const draft = await createStudySurvey(t, researcher.token, { studyId: be.study.id, title: 'Unsent' }, { publish: false });
      expect((await get(draft.id)).body).toEqual({ items: [], nextCursor: null });
      expectProblem(await get(MISSING), 404, 'survey-not-found');
      expectProblem(await get('nope'), 400);
    });

    it('is for researchers: anonymous 401; panellist and brand user 403', async () => {
      const brandUser = await t.staff('brand', brandId);
      expectProblem(await t.http().get(`${API}/surveys/${plain.id}/responses`), 401);
      expectProblem(await get(plain.id, '', be.participants[0].token), 403);
      expectProblem(await get(plain.id, '', brandUser.token), 403);
    });
  });

  describe('data rights', () => {
    it('exports my survey answers, and erasure blanks my free text but keeps the rest of my response', async () => {
      const p = be.participants[2]; // submitted the plain survey with why_not "Broken plug"
      const plainId = await assignmentId(p, plain);
      const pendingId = await assignmentId(p, fifteen);
      const mine = (await exportOf(t, p.token)).surveyAnswers as Array<{
        assignmentId: string;
        survey: string;
        status: string;
        answers: Array<{ questionId: string; text: string | null }>;
      }>;
      expect(mine.find((x) => x.assignmentId === plainId)).toMatchObject({ survey: 'Week one', status: 'submitted' });
      expect(mine.find((x) => x.assignmentId === plainId)!.answers).toContainEqual(
        expect.objectContaining({ questionId: 'why_not', text: 'Broken plug' }),
      );

      expect((await erase(t, p.token)).status).toBe(204);
      const responses = await t
        .http()
        .get(`${API}/surveys/${plain.id}/responses?limit=100`)
        .set(...bearer(researcher.token));
      expect(responses.status).toBe(200);
      expect(responses.text).not.toContain('Broken plug');
      const items = responses.body.items as Array<{ responseId: string; answers: Record<string, unknown> }>;
      expect(items.find((x) => x.responseId === plainId)?.answers).toMatchObject({ used: 'no', ease: 3, recommend: 7 });
      // the reminders of what I had not submitted are cancelled
      expect((await outboxRows(t, reminderKeys(pendingId))).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    });
  });
});
