import type { Question } from '@leadpanel/surveys';
import { joinPanel } from '../panel/panel-helpers';
import {
  API,
  bearer,
  createBrand,
  createStudySurvey,
  createSurveysTestApp,
  errorFields,
  expectProblem,
  FEEDBACK_QUESTIONS,
  MISSING,
  openCampaign,
  postSurvey,
  UUID,
  type Panellist,
  type TestApp,
  type TestUser,
} from './survey-helpers';

/** Survey definitions: POST /surveys, PATCH while draft, publish, GET (docs/http-contract.md "Surveys and feedback"). */
describe('Survey definitions', () => {
  let t: TestApp;
  let researcher: TestUser;
  let brandUser: TestUser;
  let panellist: Panellist;
  let studyId: string;

  beforeAll(async () => {
    t = await createSurveysTestApp();
    researcher = await t.staff('researcher');
    const brandId = (await createBrand(t)).id;
    brandUser = await t.staff('brand', brandId);
    const campaign = await openCampaign(t, researcher.token);
    panellist = await joinPanel(t, campaign.slug);
    const study = await t
      .http()
      .post(`${API}/studies`)
      .set(...bearer(researcher.token))
      .send({
        brandId,
        title: 'Kettles',
        theme: 'hot water',
        brief: 'Boiling',
        targetSize: 5,
        incentivePoints: 10,
        criteria: {},
        quotas: [],
      });
    expect(study.status).toBe(201);
    studyId = study.body.id as string;
  });
  afterAll(async () => {
    await t.close();
  });

  const patch = (id: string, body: Record<string, unknown>, token = researcher.token) =>
    t
      .http()
      .patch(`${API}/surveys/${id}`)
      .set(...bearer(token))
      .send(body);
  const publish = (id: string, token = researcher.token) =>
    t
      .http()
      .post(`${API}/surveys/${id}/publish`)
      .set(...bearer(token));
  const get = (id: string, token = researcher.token) =>
    t
      .http()
      .get(`${API}/surveys/${id}`)
      .set(...bearer(token));

  it('creates a study survey as a draft (201) with every question type, and GET returns it as created', async () => {
    const res = await postSurvey(t, researcher.token, {
      studyId,
      kind: 'beta',
      title: '  Week one  ',
      points: 25,
      questions: FEEDBACK_QUESTIONS,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      studyId,
      kind: 'beta',
      title: 'Week one',
      points: 25,
      status: 'draft',
      questions: FEEDBACK_QUESTIONS,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      publishedAt: null,
    });
    const got = await get(res.body.id as string);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('edits a draft (200): questions, points and study; an empty patch changes nothing', async () => {
    const s = await createStudySurvey(t, researcher.token, { studyId, points: 5 }, { publish: false });
    const questions: Question[] = [{ id: 'q1', type: 'text', prompt: 'Tell us more' }];
    const res = await patch(s.id, { title: 'Week two', questions, points: 30, kind: 'usage' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, title: 'Week two', questions, points: 30, kind: 'usage', status: 'draft', studyId });

    const cleared = await patch(s.id, { points: null, studyId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ points: null, studyId: null, title: 'Week two' });

    const same = await patch(s.id, {});
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ title: 'Week two', questions, kind: 'usage' });
    expect((await get(s.id)).body).toMatchObject({ title: 'Week two', questions, points: null, studyId: null });
  });

  it('publishes (200, idempotent); a published survey is immutable: every PATCH is a 409 and nothing changes', async () => {
    const s = await createStudySurvey(t, researcher.token, { studyId }, { publish: false });
    const published = await publish(s.id);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.stringMatching(/Z$/) });
    const again = await publish(s.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(published.body);

    for (const body of [{ title: 'Changed' }, { points: 99 }, { questions: [{ id: 'x', type: 'text', prompt: 'x' }] }, {}]) {
      expectProblem(await patch(s.id, body), 409, 'survey-published');
    }
    // an invalid change to a published survey is still a conflict, not a validation error
    expectProblem(await patch(s.id, { questions: [] }), 409, 'survey-published');
    expect((await get(s.id)).body).toEqual(published.body);
  });

  describe('an invalid definition is a 400 naming the path of each problem', () => {
    const choice = (extra: Record<string, unknown> = {}) => ({
      id: 'c',
      type: 'single_choice',
      prompt: 'Pick one',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
      ...extra,
    });
    const cases: Array<[string, unknown[], string[]]> = [
      ['a choice question with one option', [choice({ options: [{ value: 'a', label: 'A' }] })], ['questions[0].options']],
      [
        'duplicate option values and a blank label',
        [
          choice({
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: ' ' },
            ],
          }),
        ],
        ['questions[0].options[1].label', 'questions[0].options[1].value'],
      ],
      ['a likert with 6 points', [{ id: 'l', type: 'likert', scale: 6, prompt: 'Agree?' }], ['questions[0].scale']],
      ['options on a rating', [{ id: 'r', type: 'rating', prompt: 'Rate', options: [] }], ['questions[0].options']],
      ['min above max', [{ id: 'n', type: 'number', prompt: 'How many?', min: 10, max: 1 }], ['questions[0].min']],
      ['a text maxLength of 0', [{ id: 't', type: 'text', prompt: 'Why?', maxLength: 0 }], ['questions[0].maxLength']],
      ['an unknown type', [{ id: 'u', type: 'slider', prompt: 'Slide' }], ['questions[0].type']],
      ['a blank prompt and a bad id', [{ id: 'has space', type: 'text', prompt: '' }], ['questions[0].id', 'questions[0].prompt']],
      [
        'a dimension outside a screener',
        [{ id: 'l', type: 'likert', scale: 7, prompt: 'Agree?', dimension: 'expertise' }],
        ['questions[0].dimension'],
      ],
      ['a misspelt key', [{ id: 'x', type: 'text', prompt: 'Why?', requried: true }], ['questions[0].requried']],
      [
        'a showIf on a later question',
        [choice({ showIf: { questionId: 'd', equals: 'a' } }), choice({ id: 'd' })],
        ['questions[0].showIf.questionId'],
      ],
      [
        'a showIf on an unknown question',
        [choice(), { id: 't', type: 'text', prompt: 'Why?', showIf: { questionId: 'zz', equals: 'a' } }],
        ['questions[1].showIf.questionId'],
      ],
      [
        'a showIf equal to no option',
        [choice(), { id: 't', type: 'text', prompt: 'Why?', showIf: { questionId: 'c', equals: 'z' } }],
        ['questions[1].showIf.equals'],
      ],
      [
        'a showIf on a text question',
        [
          { id: 't', type: 'text', prompt: 'Why?' },
          { id: 'u', type: 'text', prompt: 'More?', showIf: { questionId: 't', equals: 'x' } },
        ],
        ['questions[1].showIf.questionId'],
      ],
      [
        'a showIf without equals',
        [choice(), { id: 't', type: 'text', prompt: 'Why?', showIf: { questionId: 'c' } }],
        ['questions[1].showIf.equals'],
      ],
      ['no question at all', [], ['questions']],
    ];

    it.each(cases)('%s', async (_what, questions, fields) => {
      const res = await postSurvey(t, researcher.token, { kind: 'general', title: 'Broken', questions });
      expectProblem(res, 400, 'invalid-survey-definition');
      expect(errorFields(res)).toEqual(fields);
      for (const e of res.body.errors as Array<{ message: string }>) expect(e.message).toEqual(expect.any(String));
    });

    it('lists every problem of one definition at once', async () => {
      const res = await postSurvey(t, researcher.token, {
        kind: 'general',
        title: 'Broken',
        questions: [
          { id: 'a', type: 'likert', prompt: 'Agree?' },
          { id: 'b', type: 'nps', prompt: '' },
          { id: 'A', type: 'text', prompt: 'Why?' },
        ],
      });
      expectProblem(res, 400, 'invalid-survey-definition');
      expect(errorFields(res)).toEqual(['questions[0].scale', 'questions[1].prompt', 'questions[2].id']);
    });

    it('refuses an invalid PATCH of a draft with the paths, and keeps the draft as it was', async () => {
      const s = await createStudySurvey(t, researcher.token, { studyId }, { publish: false });
      const res = await patch(s.id, { questions: [...FEEDBACK_QUESTIONS, { id: 'ease', type: 'rating', prompt: 'Again' }] });
      expectProblem(res, 400, 'invalid-survey-definition');
      expect(errorFields(res)).toEqual([`questions[${FEEDBACK_QUESTIONS.length}].id`]);
      expect((await get(s.id)).body).toMatchObject({ questions: FEEDBACK_QUESTIONS, title: s.title });
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { extra: 1 }, 'extra'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['an unknown kind', { kind: 'poll' }, 'kind'],
    ['negative points', { points: -1 }, 'points'],
    ['fractional points', { points: 1.5 }, 'points'],
    ['a malformed study id', { studyId: 'nope' }, 'studyId'],
    ['questions that are not a list', { questions: { id: 'q' } }, 'questions'],
    ['a question that is not an object', { questions: ['q'] }, 'questions'],
  ])('refuses %s on POST with 400 naming the field', async (_what, override, field) => {
    const res = await postSurvey(t, researcher.token, { kind: 'general', title: 'T', questions: FEEDBACK_QUESTIONS, ...override });
    expectProblem(res, 400);
    expect(errorFields(res).some((f) => f === field || f.startsWith(`${field}[`) || f.startsWith(`${field}.`))).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a null title', { title: null }, 'title'],
    ['a null kind', { kind: null }, 'kind'],
    ['null questions', { questions: null }, 'questions'],
    ['an unknown kind', { kind: 'poll' }, 'kind'],
    ['an unknown field', { extra: true }, 'extra'],
  ])('refuses a PATCH with %s (400 naming the field), and keeps the draft', async (_what, body, field) => {
    const s = await createStudySurvey(t, researcher.token, { studyId }, { publish: false });
    const res = await patch(s.id, body);
    expectProblem(res, 400);
    expect(errorFields(res)).toContain(field);
    expect((await get(s.id)).body).toMatchObject({ title: s.title, kind: s.kind, questions: FEEDBACK_QUESTIONS });
  });

  it('refuses NUL characters in the title or a question (400), not a server error', async () => {
    expectProblem(await postSurvey(t, researcher.token, { kind: 'general', title: 'a\u0000b', questions: FEEDBACK_QUESTIONS }), 400);
    const questions = [{ id: 'q', type: 'text', prompt: 'Why\u0000?' }];
    expectProblem(await postSurvey(t, researcher.token, { kind: 'general', title: 'NUL', questions }), 400);
    const options = [
      { value: 'a\u0000', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    expectProblem(
      await postSurvey(t, researcher.token, {
        kind: 'general',
        title: 'NUL',
        questions: [{ id: 'c', type: 'single_choice', prompt: 'Pick', options }],
      }),
      400,
    );
  });

  it('answers an unknown survey with 404 and a malformed id with 400', async () => {
    expectProblem(await get(MISSING), 404, 'survey-not-found');
    expectProblem(await patch(MISSING, { title: 'x' }), 404, 'survey-not-found');
    expectProblem(await publish(MISSING), 404, 'survey-not-found');
    for (const bad of ['not-a-uuid', '1', `${MISSING}x`]) {
      expectProblem(await get(bad), 400);
      expectProblem(await patch(bad, { title: 'x' }), 400);
      expectProblem(await publish(bad), 400);
    }
  });

  it('is for researchers: anonymous 401; panellist, brand user and admin 403', async () => {
    const s = await createStudySurvey(t, researcher.token, { studyId }, { publish: false });
    const admin = await t.staff('admin');
    const body = { kind: 'general', title: 'T', questions: FEEDBACK_QUESTIONS };
    expectProblem(await t.http().post(`${API}/surveys`).send(body), 401);
    expectProblem(await t.http().get(`${API}/surveys/${s.id}`), 401);
    expectProblem(await t.http().patch(`${API}/surveys/${s.id}`).send({ title: 'x' }), 401);
    expectProblem(await t.http().post(`${API}/surveys/${s.id}/publish`), 401);
    for (const token of [panellist.token, brandUser.token, admin.token]) {
      expectProblem(await postSurvey(t, token, body), 403);
      expectProblem(await get(s.id, token), 403);
      expectProblem(await patch(s.id, { title: 'x' }, token), 403);
      expectProblem(await publish(s.id, token), 403);
    }
    expect((await get(s.id)).body).toMatchObject({ status: 'draft', title: s.title });
  });
});
