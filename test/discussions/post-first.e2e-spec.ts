import type { Response } from 'supertest';
import {
  createDiscussionsTestApp,
  createRound,
  expectProblem,
  getPost,
  getRound,
  like,
  listPosts,
  listReplies,
  mustPost,
  SETUP_TIMEOUT,
  unlike,
  writePost,
  type Panellist,
  type Post,
  type Round,
  type TestApp,
} from './discussions-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

/** The post-first problem: 403, a type ending in post-first. */
function expectPostFirst(res: Response): void {
  expectProblem(res, 403, 'post-first');
  expect(res.body.type).toMatch(/post-first$/);
}

describe('Discussions: the post-first gate, enforced by the server on every read path', () => {
  let t: TestApp;
  let w: StudyWorld;
  let austria: Cohort; // 4 participants
  let round: Round; // post_first, open
  let openRound: Round; // open mode
  let first: Post; // the first participant's top-level post
  let reply: Post; // a reply under it, by the researcher
  let researcherPost: Post;
  let a: Panellist;
  let b: Panellist;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    austria = await cohort(t, w, { country: 'AT', participants: 4 });
    [a, b] = austria.participants;
    round = await createRound(t, w.researcher, austria.study.id, { title: 'Your kitchen hacks', mode: 'post_first' });
    openRound = await createRound(t, w.researcher, austria.study.id, { title: 'Open talk', mode: 'open' });
    researcherPost = await mustPost(t, w.researcher, round.id, { body: 'Photos welcome, describe them in words.' });
    first = await mustPost(t, a, round.id, { body: 'I hang my pans on a rail', kind: 'idea' });
    reply = await mustPost(t, w.researcher, round.id, { body: 'Which rail?', parentId: first.id });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it('refuses a participant without a top-level post the list, a single post, the replies, with type …post-first', async () => {
    expectPostFirst(await listPosts(t, b.token, round.id));
    expectPostFirst(await listPosts(t, b.token, round.id, 'pinned=true'));
    expectPostFirst(await getPost(t, b.token, first.id));
    expectPostFirst(await getPost(t, b.token, researcherPost.id));
    expectPostFirst(await getPost(t, b.token, reply.id));
    expectPostFirst(await listReplies(t, b.token, first.id));
  });

  it('refuses them replying and liking too: reacting is reading', async () => {
    expectPostFirst(await writePost(t, b.token, round.id, { body: 'Nice!', parentId: first.id }));
    expectPostFirst(await like(t, b.token, first.id));
    expectPostFirst(await unlike(t, b.token, first.id));
    expect((await getPost(t, a.token, first.id)).body).toMatchObject({ likes: 0, replyCount: 1 });
  });

  it('still shows them the round itself: they need its prompt to answer', async () => {
    const res = await getRound(t, b.token, round.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: round.id, mode: 'post_first', prompt: round.prompt, hasPosted: false });
  });

  it('opens every read path once they have written a top-level post of their own', async () => {
    const [, , c] = austria.participants;
    expectPostFirst(await listPosts(t, c.token, round.id));
    const own = await mustPost(t, c, round.id, { body: 'A magnetic knife strip for spices' });
    const list = await listPosts(t, c.token, round.id);
    expect(list.status).toBe(200);
    expect((list.body.items as Post[]).map((p) => p.id)).toEqual([researcherPost.id, first.id, own.id]);
    expect((await getPost(t, c.token, first.id)).status).toBe(200);
    expect((await getPost(t, c.token, reply.id)).body.body).toBe('Which rail?');
    expect(((await listReplies(t, c.token, first.id)).body.items as Post[]).map((p) => p.id)).toEqual([reply.id]);
    expect((await like(t, c.token, first.id)).body).toEqual({ likes: 1 });
    expect((await writePost(t, c.token, round.id, { body: 'Which shop?', parentId: first.id })).status).toBe(201);
    expect((await getRound(t, c.token, round.id)).body.hasPosted).toBe(true);
  });

  it('keeps the gate in place for a participant whose only try was refused, and for the others still', async () => {
    // b's refused reply did not count as a post
    expectPostFirst(await listPosts(t, b.token, round.id));
    expectPostFirst(await getPost(t, austria.participants[3].token, first.id));
  });

  it('lets the author read at once: the first participant posted first', async () => {
    expect((await listPosts(t, a.token, round.id)).status).toBe(200);
    expect((await listReplies(t, a.token, first.id)).status).toBe(200);
  });

  it('never gates researchers, even one who has not posted', async () => {
    const other = await t.staff('researcher');
    for (const token of [w.researcher.token, other.token]) {
      expect((await listPosts(t, token, round.id)).status).toBe(200);
      expect((await getPost(t, token, first.id)).status).toBe(200);
      expect((await listReplies(t, token, first.id)).status).toBe(200);
    }
  });

  it('does not gate an open round', async () => {
    const post = await mustPost(t, a, openRound.id, { body: 'Open for all' });
    const [, , , d] = austria.participants;
    expect((await listPosts(t, d.token, openRound.id)).body.items.map((p: Post) => p.id)).toEqual([post.id]);
    expect((await getPost(t, d.token, post.id)).status).toBe(200);
    expect((await listReplies(t, d.token, post.id)).status).toBe(200);
  });

  it('is per round: a post in another round does not open this one', async () => {
    const [, , , d] = austria.participants;
    await mustPost(t, d, openRound.id, { body: 'Posting elsewhere' });
    expectPostFirst(await listPosts(t, d.token, round.id));
  });

  it('counts a top-level post of theirs that a researcher later hid: they did post first', async () => {
    const [, , , d] = austria.participants;
    const own = await mustPost(t, d, round.id, { body: 'Spam spam spam' });
    expect((await listPosts(t, d.token, round.id)).status).toBe(200);
    const hidden = await t
      .http()
      .patch(`/api/v1/posts/${own.id}/moderation`)
      .set('Authorization', `Bearer ${w.researcher.token}`)
      .send({ hidden: true });
    expect(hidden.status).toBe(200);
    const list = await listPosts(t, d.token, round.id);
    expect(list.status).toBe(200);
    expect((list.body.items as Post[]).map((p) => p.id)).not.toContain(own.id);
  });
});
