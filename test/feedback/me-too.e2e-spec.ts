import {
  createFeedbackTestApp,
  dataSource,
  expectProblem,
  feedbackItem,
  fileFeedback,
  filing,
  meToo,
  MISSING,
  SETUP_TIMEOUT,
  type FeedbackItem,
  type Panellist,
  type TestApp,
} from './feedback-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Feedback: "me too" from the other participants', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort; // 5 participants, 1 invited only
  let es: Cohort; // another study: 1 participant
  let outsider: Panellist;

  beforeAll(async () => {
    t = await createFeedbackTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 5, invitedOnly: 1 });
    es = await cohort(t, w, { country: 'ES', participants: 1 });
    [outsider] = await bystanders(t, w, 'IT');
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const voters = async (feedbackId: string): Promise<string[]> =>
    (
      (await dataSource(t).query(`SELECT panellist_id AS id FROM feedback_me_too WHERE feedback_id = $1 ORDER BY panellist_id`, [
        feedbackId,
      ])) as Array<{ id: string }>
    ).map((r) => r.id);
  const countOf = async (item: FeedbackItem): Promise<number> => (await feedbackItem(t, w.researcher.token, pt.study.id, item.id)).meToo;

  it('counts one per participant: a repeat answers the same count and changes nothing', async () => {
    const [author, a, b] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('bug', { severity: 'major', title: 'Lid jams' }));

    const first = await meToo(t, a.token, item.id);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ meToo: 1 });
    for (let i = 0; i < 3; i++) {
      const again = await meToo(t, a.token, item.id);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ meToo: 1 });
    }
    expect((await meToo(t, b.token, item.id)).body).toEqual({ meToo: 2 });
    expect((await meToo(t, a.token, item.id)).body).toEqual({ meToo: 2 });

    expect(await countOf(item)).toBe(2);
    expect(await voters(item.id)).toEqual([a.id, b.id].sort());
  });

  it('is not an edit of the item: the status and updatedAt stay as they were', async () => {
    const [author, a] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('idea', { title: 'A timer' }));
    expect((await meToo(t, a.token, item.id)).status).toBe(200);
    const after = await feedbackItem(t, w.researcher.token, pt.study.id, item.id);
    expect(after).toMatchObject({ meToo: 1, status: 'new', updatedAt: item.updatedAt, title: item.title, body: item.body });
  });

  it('takes concurrent repeats from one participant: all 200, counted once', async () => {
    const [author, , , c] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('question', { title: 'Can it boil milk?' }));
    const results = await Promise.all(Array.from({ length: 6 }, () => meToo(t, c.token, item.id)));
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ meToo: 1 });
    }
    expect(await countOf(item)).toBe(1);
    expect(await voters(item.id)).toEqual([c.id]);
  });

  it('takes concurrent votes from many participants: each counted once, the count never skips or repeats', async () => {
    const [author, ...others] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('bug', { severity: 'minor', title: 'Beeps too loud' }));
    const calls = others.flatMap((p) => [p, p, p]).map((p) => meToo(t, p.token, item.id).then((res) => ({ p, res })));
    const results = await Promise.all(calls);
    for (const { res } of results) {
      expect(res.status).toBe(200);
      expect(res.body.meToo).toBeGreaterThanOrEqual(1);
      expect(res.body.meToo).toBeLessThanOrEqual(others.length);
    }
    // the first vote of each participant moved the count by one: those answers are 1..n, each once
    const firstAnswers = others.map((p) => Math.min(...results.filter((r) => r.p === p).map((r) => r.res.body.meToo as number)));
    expect([...firstAnswers].sort((x, y) => x - y)).toEqual(others.map((_, i) => i + 1));
    expect(await countOf(item)).toBe(others.length);
    expect(await voters(item.id)).toEqual(others.map((p) => p.id).sort());
  });

  it('reads the item id case-insensitively: an upper-case id is the same item and the same vote', async () => {
    const [author, a] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('idea', { title: 'A quieter boil' }));
    expect((await meToo(t, a.token, item.id.toUpperCase())).body).toEqual({ meToo: 1 });
    expect((await meToo(t, a.token, item.id)).body).toEqual({ meToo: 1 });
    expectProblem(await meToo(t, author.token, item.id.toUpperCase()), 422, 'own-feedback');
    expect(await voters(item.id)).toEqual([a.id]);
  });

  it('refuses the author on their own item (422), counting nothing', async () => {
    const [author, a] = pt.participants;
    const item = await fileFeedback(t, author, pt.study.id, filing('praise', { title: 'Boils fast' }));
    expect((await meToo(t, a.token, item.id)).body).toEqual({ meToo: 1 });
    expectProblem(await meToo(t, author.token, item.id), 422, 'own-feedback');
    expect(await countOf(item)).toBe(1);
    expect(await voters(item.id)).toEqual([a.id]);
  });

  describe('who may say "me too"', () => {
    let item: FeedbackItem;
    beforeAll(async () => {
      item = await fileFeedback(t, pt.participants[0], pt.study.id, filing('bug', { severity: 'critical', title: 'Leaks at the base' }));
    });
    afterEach(async () => {
      expect(await countOf(item)).toBe(0);
    });

    it('refuses a panellist invited to the study who did not accept (403)', async () => {
      expectProblem(await meToo(t, pt.invitedOnly[0].token, item.id), 403, 'not-a-participant');
    });

    it('refuses a participant of another study (403)', async () => {
      expectProblem(await meToo(t, es.participants[0].token, item.id), 403, 'not-a-participant');
    });

    it('refuses a panellist never invited (403)', async () => {
      expectProblem(await meToo(t, outsider.token, item.id), 403, 'not-a-participant');
    });

    it('is for panellists only: staff 403, anonymous 401', async () => {
      const brandUser = await t.staff('brand', w.brandId);
      expectProblem(await meToo(t, w.researcher.token, item.id), 403);
      expectProblem(await meToo(t, brandUser.token, item.id), 403);
      expectProblem(await meToo(t, null, item.id), 401);
      expectProblem(await meToo(t, 'garbage', item.id), 401);
    });

    it('answers 404 for an item that does not exist and 400 for a malformed id', async () => {
      expectProblem(await meToo(t, pt.participants[1].token, MISSING), 404, 'feedback-not-found');
      expectProblem(await meToo(t, pt.participants[1].token, 'not-a-uuid'), 400);
      expectProblem(await meToo(t, pt.participants[1].token, `${item.id}0`), 400);
    });
  });
});
