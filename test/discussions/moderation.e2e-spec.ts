import {
  allPosts,
  auditRows,
  createDiscussionsTestApp,
  createRound,
  editPost,
  errorFields,
  expectProblem,
  getPost,
  listPosts,
  listReplies,
  MISSING,
  moderate,
  mustPost,
  SETUP_TIMEOUT,
  writePost,
  type Post,
  type Round,
  type TestApp,
} from './discussions-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Discussions: moderation', () => {
  let t: TestApp;
  let w: StudyWorld;
  let ie: Cohort; // 3 participants
  let round: Round;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    ie = await cohort(t, w, { country: 'IE', participants: 3 });
    round = await createRound(t, w.researcher, ie.study.id, { title: 'Tea', mode: 'open' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('hiding', () => {
    let top: Post;
    let visibleReply: Post;
    let hiddenReply: Post;
    let hiddenTop: Post;
    let replyUnderHidden: Post;

    beforeAll(async () => {
      const [a, b, c] = ie.participants;
      top = await mustPost(t, a, round.id, { body: 'Builder’s tea, two sugars' });
      visibleReply = await mustPost(t, b, round.id, { body: 'Same here', parentId: top.id });
      hiddenReply = await mustPost(t, c, round.id, { body: 'Buy my tea at example.com', parentId: top.id });
      hiddenTop = await mustPost(t, c, round.id, { body: 'Rude words' });
      replyUnderHidden = await mustPost(t, a, round.id, { body: 'Calm down', parentId: hiddenTop.id });
      for (const id of [hiddenReply.id, hiddenTop.id]) {
        const res = await moderate(t, w.researcher.token, id, { hidden: true });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id, hidden: true });
      }
    }, SETUP_TIMEOUT);

    it('makes hidden posts vanish for panellists from the list, the single post, the replies and the counts', async () => {
      for (const p of ie.participants) {
        const listed = await allPosts(t, p.token, round.id);
        expect(listed.map((x) => x.id)).toContain(top.id);
        expect(listed.map((x) => x.id)).not.toContain(hiddenTop.id);
        expect(listed.find((x) => x.id === top.id)!.replyCount).toBe(1);
        expect(listed.every((x) => !('hidden' in x))).toBe(true);
        expect(((await listReplies(t, p.token, top.id)).body.items as Post[]).map((x) => x.id)).toEqual([visibleReply.id]);
        expectProblem(await getPost(t, p.token, hiddenReply.id), 404, 'post-not-found');
        expectProblem(await getPost(t, p.token, hiddenTop.id), 404, 'post-not-found');
        // replies under a hidden post vanish with it, even one the panellist wrote
        expectProblem(await getPost(t, p.token, replyUnderHidden.id), 404, 'post-not-found');
        expectProblem(await listReplies(t, p.token, hiddenTop.id), 404, 'post-not-found');
      }
      // the author of the hidden post too
      const [, , c] = ie.participants;
      expect((await getPost(t, c.token, top.id)).body.replyCount).toBe(1);
    });

    it('keeps everything visible to researchers, marked hidden', async () => {
      const listed = await allPosts(t, w.researcher.token, round.id);
      expect(listed.find((x) => x.id === hiddenTop.id)).toMatchObject({ hidden: true, replyCount: 1 });
      expect(listed.find((x) => x.id === top.id)).toMatchObject({ hidden: false, replyCount: 2 });
      expect(((await listReplies(t, w.researcher.token, top.id)).body.items as Post[]).map((x) => [x.id, x.hidden])).toEqual([
        [visibleReply.id, false],
        [hiddenReply.id, true],
      ]);
      expect((await getPost(t, w.researcher.token, replyUnderHidden.id)).body).toMatchObject({ hidden: false, parentId: hiddenTop.id });
    });

    it('refuses a panellist replying under a hidden post (422) and the author editing it (404)', async () => {
      const [a, , c] = ie.participants;
      expectProblem(await writePost(t, a.token, round.id, { body: 'Still here?', parentId: hiddenTop.id }), 422, 'invalid-parent');
      expectProblem(await editPost(t, c.token, hiddenTop.id, { body: 'Polite words' }), 404, 'post-not-found');
      expect((await getPost(t, w.researcher.token, hiddenTop.id)).body.body).toBe('Rude words');
    });

    it('brings a post back when it is shown again', async () => {
      const [, b, c] = ie.participants;
      const post = await mustPost(t, c, round.id, { body: 'Misunderstood joke' });
      await moderate(t, w.researcher.token, post.id, { hidden: true });
      expectProblem(await getPost(t, b.token, post.id), 404);
      const shown = await moderate(t, w.researcher.token, post.id, { hidden: false });
      expect(shown.body.hidden).toBe(false);
      expect((await getPost(t, b.token, post.id)).body.body).toBe('Misunderstood joke');
      expect((await allPosts(t, b.token, round.id)).map((x) => x.id)).toContain(post.id);
    });

    it('does not let a researcher author edit a hidden post of theirs (409 POST_HIDDEN)', async () => {
      const own = await mustPost(t, w.researcher, round.id, { body: 'Wrong link' });
      await moderate(t, w.researcher.token, own.id, { hidden: true });
      expectProblem(await editPost(t, w.researcher.token, own.id, { body: 'Right link' }), 409, 'post-hidden');
    });
  });

  describe('pinning and idea status', () => {
    it('pins a top-level post: flagged in discussion order, and ?pinned=true lists only pinned posts', async () => {
      const [a, b] = ie.participants;
      const r = await createRound(t, w.researcher, ie.study.id, { title: 'Pins' });
      const p1 = await mustPost(t, a, r.id, { body: 'One' });
      const p2 = await mustPost(t, b, r.id, { body: 'Two' });
      const p3 = await mustPost(t, a, r.id, { body: 'Three' });
      expect((await moderate(t, w.researcher.token, p3.id, { pinned: true })).body.pinned).toBe(true);
      expect((await moderate(t, w.researcher.token, p2.id, { pinned: true })).body.pinned).toBe(true);
      const all = await allPosts(t, b.token, r.id);
      expect(all.map((x) => [x.body, x.pinned])).toEqual([
        ['One', false],
        ['Two', true],
        ['Three', true],
      ]);
      expect((await allPosts(t, b.token, r.id, { pinned: 'true' })).map((x) => x.id)).toEqual([p2.id, p3.id]);
      expect((await allPosts(t, b.token, r.id, { pinned: 'false' })).map((x) => x.id)).toEqual([p1.id]);
      await moderate(t, w.researcher.token, p2.id, { pinned: false });
      expect((await allPosts(t, b.token, r.id, { pinned: 'true' })).map((x) => x.id)).toEqual([p3.id]);
      expectProblem(await listPosts(t, b.token, r.id, 'pinned=yes'), 400);
    });

    it('moves an idea through its statuses, and lists ideas with ?kind=idea', async () => {
      const [a] = ie.participants;
      const r = await createRound(t, w.researcher, ie.study.id, { title: 'Ideas' });
      const idea = await mustPost(t, a, r.id, { body: 'A teapot that keeps tea at 70 °C', kind: 'idea' });
      await mustPost(t, a, r.id, { body: 'Just a comment' });
      for (const status of ['under_review', 'selected', 'declined', 'new'] as const) {
        const res = await moderate(t, w.researcher.token, idea.id, { ideaStatus: status });
        expect(res.status).toBe(200);
        expect(res.body.ideaStatus).toBe(status);
        expect((await getPost(t, a.token, idea.id)).body.ideaStatus).toBe(status);
      }
      const res = await moderate(t, w.researcher.token, idea.id, { ideaStatus: 'selected', pinned: true });
      expect(res.body).toMatchObject({ ideaStatus: 'selected', pinned: true, hidden: false });
      expect((await allPosts(t, a.token, r.id, { kind: 'idea' })).map((x) => x.id)).toEqual([idea.id]);
    });

    it('422 for an idea status on a comment, or a pin on a reply; nothing changes', async () => {
      const [a, b] = ie.participants;
      const comment = await mustPost(t, a, round.id, { body: 'Green tea is grassy' });
      const replyPost = await mustPost(t, b, round.id, { body: 'Agreed', parentId: comment.id });
      expectProblem(await moderate(t, w.researcher.token, comment.id, { ideaStatus: 'selected' }), 422, 'not-an-idea');
      expectProblem(await moderate(t, w.researcher.token, comment.id, { ideaStatus: 'selected', hidden: true }), 422, 'not-an-idea');
      expectProblem(await moderate(t, w.researcher.token, replyPost.id, { pinned: true }), 422, 'cannot-pin-reply');
      expect((await getPost(t, w.researcher.token, comment.id)).body).toMatchObject({ hidden: false, pinned: false });
      expect((await getPost(t, w.researcher.token, replyPost.id)).body.pinned).toBe(false);
      expect(await auditRows(t, comment.id, 'discussion.post_moderated')).toEqual([]);
    });

    it.each<[string, unknown, string[]]>([
      ['an empty body', {}, ['moderation']],
      ['an unknown status', { ideaStatus: 'maybe' }, ['ideaStatus']],
      ['a hidden that is not a boolean', { hidden: 'yes' }, ['hidden']],
      ['a null pinned', { pinned: null }, ['pinned']],
      ['an unknown field', { hidden: true, reason: 'spam' }, ['reason']],
    ])('400 for %s', async (_what, body, fields) => {
      const [a] = ie.participants;
      const post = await mustPost(t, a, round.id, { body: 'Chai', kind: 'idea' });
      const res = await moderate(t, w.researcher.token, post.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });
  });

  it('audits every moderation action with who did it and what it changed', async () => {
    const [a] = ie.participants;
    const post = await mustPost(t, a, round.id, { body: 'Rooibos ideas', kind: 'idea' });
    await moderate(t, w.researcher.token, post.id, { hidden: true });
    await moderate(t, w.researcher.token, post.id, { hidden: false, pinned: true, ideaStatus: 'under_review' });
    const rows = await auditRows(t, post.id, 'discussion.post_moderated');
    expect(rows).toEqual([
      {
        actorUserId: w.researcher.id,
        actorRole: 'researcher',
        action: 'discussion.post_moderated',
        targetType: 'post',
        targetId: post.id,
        requestId: expect.any(String),
        data: { studyId: ie.study.id, roundId: round.id, hidden: { from: false, to: true } },
      },
      expect.objectContaining({
        data: {
          studyId: ie.study.id,
          roundId: round.id,
          hidden: { from: true, to: false },
          pinned: { from: false, to: true },
          ideaStatus: { from: 'new', to: 'under_review' },
        },
      }),
    ]);
  });

  it('is for researchers: panellists and brand users get 403, unknown posts 404', async () => {
    const [a, b] = ie.participants;
    const post = await mustPost(t, a, round.id, { body: 'Earl Grey' });
    expectProblem(await moderate(t, a.token, post.id, { hidden: true }), 403);
    expectProblem(await moderate(t, b.token, post.id, { pinned: true }), 403);
    const brandUser = await t.staff('brand', w.brandId);
    expectProblem(await moderate(t, brandUser.token, post.id, { hidden: true }), 403);
    expectProblem(await moderate(t, w.researcher.token, MISSING, { hidden: true }), 404, 'post-not-found');
    expect((await getPost(t, b.token, post.id)).body.pinned).toBe(false);
  });
});
