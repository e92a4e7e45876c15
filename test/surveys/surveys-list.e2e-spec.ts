import {
  API,
  bearer,
  createStudySurvey,
  createSurveysTestApp,
  expectProblem,
  FULL_ANSWERS,
  postSurvey,
  type TestApp,
  type TestUser,
} from './survey-helpers';
import { cohort, studyWorld, type Cohort } from '../support/world';

interface SurveyItem {
  id: string;
  studyId: string | null;
  kind: string;
  title: string;
  status: 'draft' | 'published';
  questionCount: number;
  assigned: number;
  submitted: number;
  createdAt: string;
}

/** GET /surveys: the researchers' list of surveys, filtered, a cursor page, with assignment counts. */
describe('Surveys: the list', () => {
  let t: TestApp;
  let researcher: TestUser;
  let group: Cohort;

  beforeAll(async () => {
    t = await createSurveysTestApp();
    const w = await studyWorld(t);
    researcher = w.researcher;
    group = await cohort(t, w, { country: 'IS', participants: 2 });
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  const list = (query: Record<string, string | number> = {}, token: string | null = researcher.token) => {
    const req = t.http().get(`${API}/surveys`).query(query);
    if (token) req.set(...bearer(token));
    return req;
  };

  async function all(query: Record<string, string | number>): Promise<SurveyItem[]> {
    const out: SurveyItem[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 500; i++) {
      const res = await list(cursor ? { ...query, cursor } : query);
      expect(res.status).toBe(200);
      const body = res.body as { items: SurveyItem[]; nextCursor: string | null };
      out.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return out;
    }
    throw new Error('too many pages');
  }

  it("lists a study's surveys newest first, page by page, with their assigned and submitted counts", async () => {
    const studyId = group.study.id;
    const draft = await createStudySurvey(t, researcher.token, { studyId, title: 'Draft one' }, { publish: false });
    const published = await createStudySurvey(t, researcher.token, { studyId, title: 'Week one' });
    const assigned = await t
      .http()
      .post(`${API}/surveys/${published.id}/assignments`)
      .set(...bearer(researcher.token))
      .send({ audience: 'all_participants', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assigned).toBe(2);
    const p = group.participants[0];
    const mine = await t
      .http()
      .get(`${API}/me/assignments`)
      .set(...bearer(p.token));
    const assignment = (mine.body.items as { id: string; surveyId: string }[]).find((a) => a.surveyId === published.id)!;
    const submitted = await t
      .http()
      .post(`${API}/me/assignments/${assignment.id}/submit`)
      .set(...bearer(p.token))
      .send({ answers: FULL_ANSWERS });
    expect(submitted.status).toBe(200);
    // a survey of another study is not listed
    await createStudySurvey(t, researcher.token, { title: 'Elsewhere' });

    const items = await all({ studyId, limit: 1 });
    expect(items.map((s) => s.id)).toEqual([published.id, draft.id]);
    expect(items[0]).toMatchObject({
      studyId,
      kind: 'beta',
      title: 'Week one',
      status: 'published',
      questionCount: published.questions.length,
      assigned: 2,
      submitted: 1,
    });
    expect(items[0]).not.toHaveProperty('questions');
    expect(items[1]).toMatchObject({ status: 'draft', assigned: 0, submitted: 0 });
  });

  it('filters by kind and status', async () => {
    const screener = await postSurvey(t, researcher.token, {
      kind: 'screener',
      title: 'A screener',
      questions: [{ id: 'q1', type: 'text', prompt: 'Who are you?' }],
    });
    expect(screener.status).toBe(201);
    const drafts = await all({ kind: 'screener', status: 'draft', limit: 100 });
    expect(drafts.map((s) => s.id)).toContain(screener.body.id);
    expect(drafts.every((s) => s.kind === 'screener' && s.status === 'draft')).toBe(true);
    const published = await all({ kind: 'screener', status: 'published', limit: 100 });
    expect(published.map((s) => s.id)).not.toContain(screener.body.id);
    expect(published.every((s) => s.kind === 'screener' && s.status === 'published')).toBe(true);
  });

  it('refuses bad filters with 400 and is for researchers only', async () => {
    expectProblem(await list({ kind: 'poll' }), 400);
    expectProblem(await list({ status: 'archived' }), 400);
    expectProblem(await list({ studyId: 'not-a-uuid' }), 400);
    expectProblem(await list({ cursor: 'bm9wZQ' }), 400);
    expectProblem(await list({}, null), 401);
    expectProblem(await list({}, group.participants[1].token), 403);
  });
});
