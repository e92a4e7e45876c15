import {
  API,
  bearer,
  closeStudy,
  createBrand,
  createDiscussionsTestApp,
  createRound,
  DAY,
  errorFields,
  expectProblem,
  fromNow,
  getRound,
  HOUR,
  listRounds,
  MINUTE,
  MISSING,
  mustPost,
  postRound,
  roundBody,
  SETUP_TIMEOUT,
  UUID,
  type Panellist,
  type Round,
  type TestApp,
  type TestUser,
} from './discussions-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Discussions: rounds', () => {
  let t: TestApp;
  let w: StudyWorld;
  let nl: Cohort; // 2 participants, 1 invited only
  let outsider: Panellist;
  let brandUser: TestUser;
  let otherResearcher: TestUser;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    nl = await cohort(t, w, { country: 'NL', participants: 2, invitedOnly: 1 });
    [outsider] = await bystanders(t, w, 'IT');
    brandUser = await t.staff('brand', w.brandId);
    otherResearcher = await t.staff('researcher');
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('POST /studies/:id/rounds', () => {
    it('creates a round (201) with every field, trimmed, and its state', async () => {
      const body = roundBody({ title: '  Mornings  ', prompt: '\n How do you start your day? \n', mode: 'post_first' });
      const res = await postRound(t, w.researcher.token, nl.study.id, body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        studyId: nl.study.id,
        title: 'Mornings',
        prompt: 'How do you start your day?',
        mode: 'post_first',
        opensAt: body.opensAt,
        closesAt: body.closesAt,
        state: 'open',
        createdAt: expect.stringMatching(/Z$/),
      });
    });

    it('says a round opening later is scheduled', async () => {
      const round = await createRound(t, w.researcher, nl.study.id, { opensAt: fromNow(DAY), closesAt: fromNow(3 * DAY) });
      expect(round.state).toBe('scheduled');
    });

    it.each<[string, string[], Record<string, unknown>]>([
      ['opensAt equal to closesAt', ['closesAt'], { opensAt: '2031-05-01T10:00:00.000Z', closesAt: '2031-05-01T10:00:00.000Z' }],
      ['opensAt after closesAt', ['closesAt'], { opensAt: '2031-05-02T10:00:00.000Z', closesAt: '2031-05-01T10:00:00.000Z' }],
      ['a round already over', ['closesAt'], { opensAt: fromNow(-2 * DAY), closesAt: fromNow(-DAY) }],
      ['a blank title', ['title'], { title: '   ' }],
      ['a blank prompt', ['prompt'], { prompt: '' }],
      ['a title of 201 characters', ['title'], { title: 'x'.repeat(201) }],
      ['an unknown mode', ['mode'], { mode: 'debate' }],
      ['no mode', ['mode'], { mode: undefined }],
      ['an opensAt that is no date', ['opensAt'], { opensAt: 'next monday' }],
      ['a null closesAt', ['closesAt'], { closesAt: null }],
      ['an unknown field', ['maxPosts'], { maxPosts: 3 }],
    ])('refuses %s (400 naming %j)', async (_what, fields, overrides) => {
      const res = await postRound(t, w.researcher.token, nl.study.id, roundBody(overrides));
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });

    it('explains why closesAt is refused', async () => {
      const res = await postRound(t, w.researcher.token, nl.study.id, roundBody({ opensAt: fromNow(2 * HOUR), closesAt: fromNow(HOUR) }));
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'closesAt', message: 'closesAt must be after opensAt' }]);
    });

    it('404 for an unknown study, 400 for an id that is not a UUID', async () => {
      expectProblem(await postRound(t, w.researcher.token, MISSING, roundBody()), 404, 'study-not-found');
      expectProblem(await postRound(t, w.researcher.token, 'not-a-uuid', roundBody()), 400);
    });

    it(
      '409 in a closed study',
      async () => {
        const closed = await cohort(t, w, { country: 'LU', participants: 1 });
        await closeStudy(t, w.researcher.token, closed.study.id);
        expectProblem(await postRound(t, w.researcher.token, closed.study.id, roundBody()), 409, 'study-closed');
      },
      SETUP_TIMEOUT,
    );

    it('is for researchers only: participants, brand users and anonymous callers are refused', async () => {
      expectProblem(await postRound(t, nl.participants[0].token, nl.study.id, roundBody()), 403);
      expectProblem(await postRound(t, brandUser.token, nl.study.id, roundBody()), 403);
      expectProblem(await postRound(t, null, nl.study.id, roundBody()), 401);
    });
  });

  describe('GET /studies/:id/rounds and /rounds/:id', () => {
    let study: Cohort;
    let rounds: Round[];

    beforeAll(async () => {
      study = await cohort(t, w, { country: 'BE', participants: 2 });
      // created out of opening order: the list follows opensAt
      rounds = [
        await createRound(t, w.researcher, study.study.id, { title: 'Later', opensAt: fromNow(2 * DAY), closesAt: fromNow(4 * DAY) }),
        await createRound(t, w.researcher, study.study.id, { title: 'First', opensAt: fromNow(-HOUR), closesAt: fromNow(DAY) }),
        await createRound(t, w.researcher, study.study.id, {
          title: 'Second',
          opensAt: fromNow(-MINUTE),
          closesAt: fromNow(2 * DAY),
          mode: 'post_first',
        }),
      ];
    }, SETUP_TIMEOUT);

    it('lists a study’s rounds in the order they open, to researchers and participants, paged', async () => {
      for (const token of [w.researcher.token, otherResearcher.token, study.participants[0].token]) {
        const res = await listRounds(t, token, study.study.id);
        expect(res.status).toBe(200);
        expect(res.body.items.map((r: Round) => r.title)).toEqual(['First', 'Second', 'Later']);
        expect(res.body.nextCursor).toBeNull();
      }
      const first = await listRounds(t, w.researcher.token, study.study.id, 'limit=2');
      expect(first.body.items.map((r: Round) => r.title)).toEqual(['First', 'Second']);
      const second = await listRounds(t, w.researcher.token, study.study.id, `limit=2&cursor=${first.body.nextCursor as string}`);
      expect(second.body.items.map((r: Round) => r.title)).toEqual(['Later']);
      expect(second.body.nextCursor).toBeNull();
    });

    it('tells a participant whether they posted in each round; researchers do not get the flag', async () => {
      const [p] = study.participants;
      const second = rounds[2];
      await mustPost(t, p, second.id, { body: 'I grind my beans by hand.' });
      const mine = (await listRounds(t, p.token, study.study.id)).body.items as Round[];
      expect(mine.map((r) => [r.title, r.hasPosted])).toEqual([
        ['First', false],
        ['Second', true],
        ['Later', false],
      ]);
      expect((await getRound(t, p.token, second.id)).body.hasPosted).toBe(true);
      expect((await getRound(t, study.participants[1].token, second.id)).body.hasPosted).toBe(false);
      const researcherView = (await listRounds(t, w.researcher.token, study.study.id)).body.items as Round[];
      expect(researcherView.every((r) => !('hasPosted' in r))).toBe(true);
    });

    it('gives one round in detail', async () => {
      const res = await getRound(t, w.researcher.token, rounds[0].id.toUpperCase());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...rounds[0], state: 'scheduled' });
    });

    it('refuses panellists who do not take part (403 for the study, 404 for a round: not confirmed), brand users (403), unknown studies and rounds (404)', async () => {
      expectProblem(await listRounds(t, outsider.token, study.study.id), 403, 'not-a-participant');
      expectProblem(await getRound(t, outsider.token, rounds[0].id), 404, 'round-not-found');
      expectProblem(await getRound(t, nl.participants[0].token, rounds[0].id), 404, 'round-not-found');
      // invited to the NL study only, never answered: not a participant of it
      expectProblem(await listRounds(t, nl.invitedOnly[0].token, nl.study.id), 403, 'not-a-participant');
      // a participant of another study
      expectProblem(await listRounds(t, nl.participants[0].token, study.study.id), 403, 'not-a-participant');
      expectProblem(await listRounds(t, brandUser.token, study.study.id), 403);
      expectProblem(await getRound(t, brandUser.token, rounds[0].id), 403);
      expectProblem(await listRounds(t, w.researcher.token, MISSING), 404);
      expectProblem(await listRounds(t, study.participants[0].token, MISSING), 404);
      expectProblem(await getRound(t, w.researcher.token, MISSING), 404, 'round-not-found');
      expectProblem(await getRound(t, study.participants[0].token, MISSING), 404, 'round-not-found');
      expectProblem(await getRound(t, w.researcher.token, '1234'), 400);
    });

    it('refuses a cursor it did not write', async () => {
      expectProblem(await listRounds(t, w.researcher.token, study.study.id, 'cursor=bm90LWEtY3Vyc29y'), 400, 'bad-cursor');
    });
  });

  it('keeps the brand of a study in mind: a brand user never sees discussions, even of their own brand', async () => {
    const brand = await createBrand(t, 'other');
    const foreign = await t.staff('brand', brand.id);
    expectProblem(await listRounds(t, foreign.token, nl.study.id), 403);
    expectProblem(await listRounds(t, brandUser.token, nl.study.id), 403);
    const res = await t
      .http()
      .get(`${API}/studies/${nl.study.id}/codes`)
      .set(...bearer(brandUser.token));
    expectProblem(res, 403);
  });
});
