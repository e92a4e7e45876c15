import {
  at,
  createDiscussionsTestApp,
  createRound,
  dataSource,
  expectProblem,
  getPost,
  HOUR,
  like,
  listPosts,
  MISSING,
  moderate,
  mustPost,
  SETUP_TIMEOUT,
  unlike,
  type Panellist,
  type Post,
  type Round,
  type TestApp,
  type TestUser,
} from './discussions-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Discussions: likes', () => {
  let t: TestApp;
  let w: StudyWorld;
  let ch: Cohort; // 5 participants
  let outsider: Panellist;
  let brandUser: TestUser;
  let round: Round;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    ch = await cohort(t, w, { country: 'CH', participants: 5 });
    [outsider] = await bystanders(t, w, 'IT');
    brandUser = await t.staff('brand', w.brandId);
    round = await createRound(t, w.researcher, ch.study.id, { title: 'Chocolate', mode: 'open' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const likers = async (postId: string): Promise<string[]> =>
    (
      (await dataSource(t).query(`SELECT user_id AS id FROM discussion_likes WHERE post_id = $1 ORDER BY user_id`, [postId])) as Array<{
        id: string;
      }>
    ).map((r) => r.id);

  it('is idempotent: like twice → 1, unlike twice → 0', async () => {
    const [author, a] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'Dark chocolate with sea salt', kind: 'idea' });
    for (let i = 0; i < 2; i++) {
      const res = await like(t, a.token, post.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ likes: 1 });
    }
    expect(await likers(post.id)).toEqual([a.id]);
    for (let i = 0; i < 2; i++) {
      const res = await unlike(t, a.token, post.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ likes: 0 });
    }
    expect(await likers(post.id)).toEqual([]);
  });

  it('counts one like per user, from participants and researchers, and tells each reader whether they like it', async () => {
    const [author, a, b] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'Milk chocolate in a tube' });
    expect((await like(t, a.token, post.id)).body).toEqual({ likes: 1 });
    expect((await like(t, b.token, post.id)).body).toEqual({ likes: 2 });
    expect((await like(t, w.researcher.token, post.id)).body).toEqual({ likes: 3 });
    expect((await like(t, a.token, post.id.toUpperCase())).body).toEqual({ likes: 3 });
    expect((await unlike(t, b.token, post.id)).body).toEqual({ likes: 2 });

    const seenByA = (await getPost(t, a.token, post.id)).body as Post;
    const seenByB = (await getPost(t, b.token, post.id)).body as Post;
    expect(seenByA).toMatchObject({ likes: 2, likedByMe: true });
    expect(seenByB).toMatchObject({ likes: 2, likedByMe: false });
    const listed = ((await listPosts(t, w.researcher.token, round.id, 'limit=100')).body.items as Post[]).find((p) => p.id === post.id);
    expect(listed).toMatchObject({ likes: 2, likedByMe: true });
    expect(await likers(post.id)).toEqual([a.id, w.researcher.id].sort());
  });

  it('takes concurrent repeats from one user: all 200, counted once', async () => {
    const [author, , , c] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'White chocolate is not chocolate' });
    const results = await Promise.all(Array.from({ length: 6 }, () => like(t, c.token, post.id)));
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ likes: 1 });
    }
    expect((await getPost(t, author.token, post.id)).body.likes).toBe(1);
  });

  it('422 OWN_POST: nobody likes their own post; unliking it is harmless', async () => {
    const [author] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'My own idea' });
    expectProblem(await like(t, author.token, post.id), 422, 'own-post');
    expect((await unlike(t, author.token, post.id)).body).toEqual({ likes: 0 });
    const mine = await mustPost(t, w.researcher, round.id, { body: 'A researcher question' });
    expectProblem(await like(t, w.researcher.token, mine.id), 422, 'own-post');
  });

  it('404 for a panellist on a hidden post; a researcher still likes it', async () => {
    const [author, a] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'Off-topic advert' });
    expect((await like(t, a.token, post.id)).body).toEqual({ likes: 1 });
    expect((await moderate(t, w.researcher.token, post.id, { hidden: true })).status).toBe(200);
    expectProblem(await like(t, a.token, post.id), 404, 'post-not-found');
    expectProblem(await unlike(t, a.token, post.id), 404, 'post-not-found');
    expect((await like(t, w.researcher.token, post.id)).body).toEqual({ likes: 2 });
  });

  it('409 ROUND_NOT_OPEN for a participant once the round has closed: the likes are what the round left', async () => {
    const [author, a] = ch.participants;
    const r = await createRound(t, w.researcher, ch.study.id, { title: 'Short', closesAt: new Date(Date.now() + HOUR).toISOString() });
    const post = await mustPost(t, author, r.id, { body: 'Quick one' });
    await at(t, r.closesAt, async () => {
      expectProblem(await like(t, a.token, post.id), 409, 'round-not-open');
      expectProblem(await unlike(t, a.token, post.id), 409, 'round-not-open');
    });
    expect((await getPost(t, a.token, post.id)).body.likes).toBe(0);
  });

  it('refuses non-participants (404: the post is not theirs to know of), brand users (403), unknown posts (404) and ids that are not UUIDs (400)', async () => {
    const [author] = ch.participants;
    const post = await mustPost(t, author, round.id, { body: 'Hazelnuts' });
    expectProblem(await like(t, outsider.token, post.id), 404, 'post-not-found');
    expectProblem(await unlike(t, outsider.token, post.id), 404, 'post-not-found');
    expectProblem(await like(t, brandUser.token, post.id), 403);
    expectProblem(await like(t, null, post.id), 401);
    expectProblem(await like(t, ch.participants[1].token, MISSING), 404, 'post-not-found');
    expectProblem(await unlike(t, ch.participants[1].token, 'abc'), 400);
    expect((await getPost(t, author.token, post.id)).body.likes).toBe(0);
  });
});
