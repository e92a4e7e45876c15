import {
  auditRows,
  createCode,
  createDiscussionsTestApp,
  createRound,
  errorFields,
  expectProblem,
  getPost,
  listCodes,
  MISSING,
  moderate,
  mustPost,
  postCode,
  setCodes,
  SETUP_TIMEOUT,
  UUID,
  type Code,
  type Post,
  type TestApp,
} from './discussions-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Discussions: the code book and coding', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort; // 3 participants
  let es: Cohort; // another study

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 3 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const codesOf = async (studyId: string): Promise<Code[]> => {
    const res = await listCodes(t, w.researcher.token, studyId, 'limit=100');
    expect(res.status).toBe(200);
    return res.body.items as Code[];
  };

  describe('POST /studies/:id/codes', () => {
    it('adds a code (201), trimmed, with no posts yet', async () => {
      const res = await postCode(t, w.researcher.token, pt.study.id, {
        name: '  Time pressure ',
        description: ' Mentions of lack of time ',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        studyId: pt.study.id,
        name: 'Time pressure',
        description: 'Mentions of lack of time',
        count: 0,
        hiddenCount: 0,
        createdAt: expect.stringMatching(/Z$/),
      });
      expect((await createCode(t, w.researcher, pt.study.id, 'No description')).description).toBeNull();
    });

    it('409 CODE_NAME_TAKEN for a name the study has in any case or spacing; another study may use it', async () => {
      await createCode(t, w.researcher, pt.study.id, 'Price concern');
      for (const name of ['Price concern', 'PRICE CONCERN', '  price   concern ']) {
        expectProblem(await postCode(t, w.researcher.token, pt.study.id, { name }), 409, 'code-name-taken');
      }
      expect((await createCode(t, w.researcher, es.study.id, 'Price concern')).studyId).toBe(es.study.id);
      expect((await codesOf(pt.study.id)).filter((c) => c.name.toLowerCase() === 'price concern')).toHaveLength(1);
    });

    it.each<[string, unknown, string[]]>([
      ['a blank name', { name: '  ' }, ['name']],
      ['no name', { description: 'x' }, ['name']],
      ['a name of 101 characters', { name: 'n'.repeat(101) }, ['name']],
      ['a description of 1,001 characters', { name: 'Long', description: 'd'.repeat(1_001) }, ['description']],
      ['an unknown field', { name: 'Colour', colour: 'red' }, ['colour']],
    ])('400 for %s', async (_what, body, fields) => {
      const res = await postCode(t, w.researcher.token, pt.study.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });

    it('is for researchers: participants get 403; unknown studies 404', async () => {
      expectProblem(await postCode(t, pt.participants[0].token, pt.study.id, { name: 'Mine' }), 403);
      expectProblem(await listCodes(t, pt.participants[0].token, pt.study.id), 403);
      expectProblem(await postCode(t, w.researcher.token, MISSING, { name: 'Nowhere' }), 404);
      expectProblem(await listCodes(t, w.researcher.token, MISSING), 404);
    });
  });

  describe('PUT /posts/:id/codes and the counts', () => {
    let habit: Code;
    let tool: Code;
    let frustration: Code;
    let posts: Post[]; // the first and the last by gr's first participant
    let gr: Cohort;

    beforeAll(async () => {
      gr = await cohort(t, w, { country: 'GR', participants: 2 });
      const r = await createRound(t, w.researcher, gr.study.id, { title: 'Floors' });
      habit = await createCode(t, w.researcher, gr.study.id, 'Habit');
      tool = await createCode(t, w.researcher, gr.study.id, 'Tool hack');
      frustration = await createCode(t, w.researcher, gr.study.id, 'Frustration');
      const [a, b] = gr.participants;
      posts = [
        await mustPost(t, a, r.id, { body: 'I mop every Sunday' }),
        await mustPost(t, b, r.id, { body: 'I taped a sponge to a broom' }),
        await mustPost(t, a, r.id, { body: 'Cables everywhere, I hate it' }),
      ];
    }, SETUP_TIMEOUT);

    it('sets the codes of a post, replaces them, and clears them; the code list counts the posts carrying each', async () => {
      const [p1, p2, p3] = posts;
      const set = await setCodes(t, w.researcher.token, p1.id, [habit.id, frustration.id]);
      expect(set.status).toBe(200);
      expect(set.body.codes).toEqual([
        { id: frustration.id, name: 'Frustration' },
        { id: habit.id, name: 'Habit' },
      ]);
      expect((await setCodes(t, w.researcher.token, p2.id, [tool.id.toUpperCase(), habit.id, tool.id])).body.codes).toEqual([
        { id: habit.id, name: 'Habit' },
        { id: tool.id, name: 'Tool hack' },
      ]);
      await setCodes(t, w.researcher.token, p3.id, [frustration.id]);
      const counts = async () => Object.fromEntries((await codesOf(habit.studyId)).map((c) => [c.name, c.count]));
      expect(await counts()).toEqual({ Habit: 2, 'Tool hack': 1, Frustration: 2 });

      // replace: p1 now only a tool hack
      expect((await setCodes(t, w.researcher.token, p1.id, [tool.id])).body.codes).toEqual([{ id: tool.id, name: 'Tool hack' }]);
      expect(await counts()).toEqual({ Habit: 1, 'Tool hack': 2, Frustration: 1 });
      // clear
      expect((await setCodes(t, w.researcher.token, p3.id, [])).body.codes).toEqual([]);
      expect(await counts()).toEqual({ Habit: 1, 'Tool hack': 2, Frustration: 0 });
      // the codes show on the researcher's view of the post
      expect((await getPost(t, w.researcher.token, p2.id)).body.codes).toEqual([
        { id: habit.id, name: 'Habit' },
        { id: tool.id, name: 'Tool hack' },
      ]);
    });

    it('never shows codes to panellists', async () => {
      const [p1] = posts;
      expect((await getPost(t, w.researcher.token, p1.id)).body.codes.length).toBeGreaterThan(0);
      const asAuthor = await getPost(t, gr.participants[0].token, p1.id);
      expect(asAuthor.status).toBe(200);
      expect(asAuthor.body).not.toHaveProperty('codes');
    });

    it('counts hidden posts too, and says how many of them are hidden', async () => {
      const [, p2] = posts;
      await moderate(t, w.researcher.token, p2.id, { hidden: true });
      const codes = await codesOf(habit.studyId);
      expect(codes.find((c) => c.id === tool.id)).toMatchObject({ count: 2, hiddenCount: 1 });
      expect(codes.find((c) => c.id === habit.id)).toMatchObject({ count: 1, hiddenCount: 1 });
      await moderate(t, w.researcher.token, p2.id, { hidden: false });
    });

    it('400 naming each code that is not in the post’s study; the post keeps its codes', async () => {
      const [p1] = posts;
      const foreign = (await codesOf(es.study.id))[0];
      const res = await setCodes(t, w.researcher.token, p1.id, [habit.id, foreign.id, MISSING]);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['codeIds[1]', 'codeIds[2]']);
      expect((await getPost(t, w.researcher.token, p1.id)).body.codes).toEqual([{ id: tool.id, name: 'Tool hack' }]);
      expectProblem(await setCodes(t, w.researcher.token, p1.id, ['not-a-uuid']), 400);
      expectProblem(await setCodes(t, w.researcher.token, p1.id, 'habit'), 400);
      expectProblem(await setCodes(t, w.researcher.token, MISSING, [habit.id]), 404, 'post-not-found');
    });

    it('is for researchers, and audited', async () => {
      const [p1] = posts;
      expectProblem(await setCodes(t, gr.participants[0].token, p1.id, [habit.id]), 403);
      const rows = await auditRows(t, p1.id, 'discussion.post_coded');
      expect(rows.map((r) => r.data.codeIds)).toEqual([[habit.id, frustration.id], [tool.id]]);
      expect(rows.every((r) => r.actorUserId === w.researcher.id)).toBe(true);
    });

    it('pages the code book in the order it was built', async () => {
      const first = await listCodes(t, w.researcher.token, habit.studyId, 'limit=2');
      expect((first.body.items as Code[]).map((c) => c.name)).toEqual(['Habit', 'Tool hack']);
      const second = await listCodes(t, w.researcher.token, habit.studyId, `limit=2&cursor=${first.body.nextCursor as string}`);
      expect((second.body.items as Code[]).map((c) => c.name)).toEqual(['Frustration']);
      expect(second.body.nextCursor).toBeNull();
    });
  });
});
