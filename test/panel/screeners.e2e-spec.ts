import type { Question } from '@leadpanel/surveys';
import {
  API,
  bearer,
  createCampaign,
  createPanelTestApp,
  errorFields,
  expectProblem,
  joinPanel,
  SCREENER_QUESTIONS,
  UUID,
  type TestApp,
  type TestUser,
} from './panel-helpers';

/** Screener surveys as recruitment needs them: POST /surveys, PATCH while draft, publish, GET. */
describe('Screener surveys', () => {
  let t: TestApp;
  let researcher: TestUser;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: Record<string, unknown>, token: string | null = researcher.token) => {
    const req = t.http().post(`${API}/surveys`);
    if (token) req.set(...bearer(token));
    return req.send(body);
  };
  const likert = (extra: Partial<Question> & { id: string }): Record<string, unknown> => ({
    type: 'likert',
    scale: 7,
    prompt: 'How much do you agree?',
    ...extra,
  });

  it('creates a screener as a draft (201), edits it, publishes it (200), and then it is frozen (409)', async () => {
    const created = await post({ kind: 'screener', title: 'Screener', questions: SCREENER_QUESTIONS });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(UUID),
      kind: 'screener',
      title: 'Screener',
      status: 'draft',
      studyId: null,
      points: null,
      publishedAt: null,
      questions: SCREENER_QUESTIONS,
    });
    const id = created.body.id as string;

    const patched = await t
      .http()
      .patch(`${API}/surveys/${id}`)
      .set(...bearer(researcher.token))
      .send({ title: 'Screener v2' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Screener v2', status: 'draft' });

    const published = await t
      .http()
      .post(`${API}/surveys/${id}/publish`)
      .set(...bearer(researcher.token));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.stringMatching(/Z$/) });
    const again = await t
      .http()
      .post(`${API}/surveys/${id}/publish`)
      .set(...bearer(researcher.token));
    expect(again.status).toBe(200);
    expect(again.body.publishedAt).toBe(published.body.publishedAt);

    expectProblem(
      await t
        .http()
        .patch(`${API}/surveys/${id}`)
        .set(...bearer(researcher.token))
        .send({ title: 'Screener v3' }),
      409,
    );
    const read = await t
      .http()
      .get(`${API}/surveys/${id}`)
      .set(...bearer(researcher.token));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ title: 'Screener v2', status: 'published', questions: SCREENER_QUESTIONS });
  });

  it.each<[string, Record<string, unknown>[], string]>([
    ['a dimension on a 5-point likert', [likert({ id: 'a', scale: 5, dimension: 'expertise' })], 'questions[0].dimension'],
    [
      'a dimension on a choice question',
      [
        {
          id: 'a',
          type: 'single_choice',
          prompt: 'p',
          dimension: 'expertise',
          options: [
            { value: 'x', label: 'X' },
            { value: 'y', label: 'Y' },
          ],
        },
      ],
      'questions[0].dimension',
    ],
    ['an unknown dimension', [likert({ id: 'a', dimension: 'charisma' as never })], 'questions[0].dimension'],
    ['reverse without a dimension', [likert({ id: 'a', reverse: true })], 'questions[0].reverse'],
    ['a likert without a scale', [{ id: 'a', type: 'likert', prompt: 'p' }], 'questions[0].scale'],
    ['a misspelt key', [likert({ id: 'a', requried: true } as never)], 'questions[0].requried'],
    ['two questions with one id', [likert({ id: 'a' }), likert({ id: 'A' })], 'questions[1].id'],
    ['no questions', [], 'questions'],
  ])('refuses %s with 400 naming the field', async (_what, questions, field) => {
    const res = await post({ kind: 'screener', title: 'Bad screener', questions });
    expectProblem(res, 400);
    expect(errorFields(res)).toContain(field);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown kind', { kind: 'quiz' }, 'kind'],
    ['no title', { title: undefined }, 'title'],
    ['questions that are not a list', { questions: 'q1' }, 'questions'],
    ['negative points', { points: -1 }, 'points'],
    ['an unknown field', { owner: 'me' }, 'owner'],
  ])('refuses %s with 400', async (_what, overrides, field) => {
    const body: Record<string, unknown> = { kind: 'screener', title: 'S', questions: SCREENER_QUESTIONS, ...overrides };
    for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
    const res = await post(body);
    expectProblem(res, 400);
    expect(errorFields(res)).toContain(field);
  });

  it('answers an unknown survey with 404 and a malformed id with 400', async () => {
    for (const path of ['', '/publish']) {
      const method = path ? 'post' : 'get';
      expectProblem(
        await t
          .http()
          [method](`${API}/surveys/00000000-0000-4000-8000-000000000000${path}`)
          .set(...bearer(researcher.token)),
        404,
      );
      expectProblem(
        await t
          .http()
          [method](`${API}/surveys/nope${path}`)
          .set(...bearer(researcher.token)),
        400,
      );
    }
  });

  it('is for researchers: anonymous 401, panellist 403', async () => {
    const body = { kind: 'screener', title: 'S', questions: SCREENER_QUESTIONS };
    expectProblem(await post(body, null), 401);
    const campaign = await createCampaign(t, researcher.token);
    const panellist = await joinPanel(t, campaign.slug);
    expectProblem(await post(body, panellist.token), 403);
    expectProblem(
      await t
        .http()
        .get(`${API}/surveys/${campaign.screenerSurveyId}`)
        .set(...bearer(panellist.token)),
      403,
    );
  });
});
