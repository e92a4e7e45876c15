import {
  allPosts,
  createDiscussionsTestApp,
  createRound,
  errorFields,
  listPosts,
  moderate,
  mustPost,
  SETUP_TIMEOUT,
  type Post,
  type Round,
  type TestApp,
} from './discussions-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

/**
 * GET /rounds/:id/posts as a moderation queue (the studio's round page): newest first with
 * `order=newest` (the cursor follows the order), and `hidden=true|false` for researchers.
 */
describe('Discussions: the moderation queue (order and hidden filter)', () => {
  let t: TestApp;
  let w: StudyWorld;
  let pt: Cohort;
  let round: Round;
  const written: Post[] = [];

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    pt = await cohort(t, w, { country: 'PT', participants: 2 });
    round = await createRound(t, w.researcher, pt.study.id, { title: 'Coffee', mode: 'open' });
    const [a, b] = pt.participants;
    for (const [i, who] of [a, b, a, b, a].entries()) written.push(await mustPost(t, who, round.id, { body: `Post ${i + 1}` }));
    // a reply is never a top-level post of the queue
    await mustPost(t, b, round.id, { body: 'A reply', parentId: written[0].id });
    for (const p of [written[1], written[3]]) expect((await moderate(t, w.researcher.token, p.id, { hidden: true })).status).toBe(200);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it('lists the newest first, page after page, and the oldest first by default', async () => {
    const ids = written.map((p) => p.id);
    expect((await allPosts(t, w.researcher.token, round.id)).map((p) => p.id)).toEqual(ids);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ limit: '2', order: 'newest' });
      if (cursor) q.set('cursor', cursor);
      const res = await listPosts(t, w.researcher.token, round.id, q.toString());
      expect(res.status).toBe(200);
      pages.push((res.body.items as Post[]).map((p) => p.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(pages).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
  });

  it('gives researchers the hidden posts only, or the visible ones only', async () => {
    const hidden = await allPosts(t, w.researcher.token, round.id, { hidden: 'true', order: 'newest' });
    expect(hidden.map((p) => p.id)).toEqual([written[3].id, written[1].id]);
    expect(hidden.every((p) => p.hidden === true)).toBe(true);
    const visible = await allPosts(t, w.researcher.token, round.id, { hidden: 'false' });
    expect(visible.map((p) => p.id)).toEqual([written[0].id, written[2].id, written[4].id]);
  });

  it('never shows a panellist a hidden post, whatever they ask', async () => {
    const [a] = pt.participants;
    expect(await allPosts(t, a.token, round.id, { hidden: 'true' })).toEqual([]);
    expect((await allPosts(t, a.token, round.id, { order: 'newest' })).map((p) => p.id)).toEqual([
      written[4].id,
      written[2].id,
      written[0].id,
    ]);
  });

  it('refuses an unknown order or a hidden that is not a boolean with a 400 naming the field', async () => {
    const res = await listPosts(t, w.researcher.token, round.id, 'order=random&hidden=maybe');
    expect(res.status).toBe(400);
    expect(errorFields(res).sort()).toEqual(['hidden', 'order']);
  });
});
