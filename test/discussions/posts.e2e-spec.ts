import {
  at,
  bearer,
  closeStudy,
  createDiscussionsTestApp,
  createRound,
  dataSource,
  DAY,
  editPost,
  errorFields,
  expectProblem,
  fromNow,
  getPost,
  HOUR,
  listPosts,
  listReplies,
  MINUTE,
  MISSING,
  mustPost,
  pointsOf,
  setPostPoints,
  SETUP_TIMEOUT,
  UUID,
  writePost,
  type Panellist,
  type Post,
  type Round,
  type TestApp,
  type TestUser,
} from './discussions-helpers';
import { bystanders, type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

describe('Discussions: posts', () => {
  let t: TestApp;
  let w: StudyWorld;
  let dk: Cohort; // 4 participants, 1 invited only
  let se: Cohort; // another study: 1 participant
  let outsider: Panellist;
  let brandUser: TestUser;
  let round: Round; // open, in dk
  let otherRound: Round; // open, in dk

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    dk = await cohort(t, w, { country: 'DK', participants: 4, invitedOnly: 1 });
    se = await cohort(t, w, { country: 'SE', participants: 1 });
    [outsider] = await bystanders(t, w, 'IT');
    brandUser = await t.staff('brand', w.brandId);
    round = await createRound(t, w.researcher, dk.study.id, { title: 'Breakfast' });
    otherRound = await createRound(t, w.researcher, dk.study.id, { title: 'Dinner' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  describe('writing', () => {
    it('takes a top-level comment from a participant (201), trimmed, with the participant’s pseudonym', async () => {
      const [p] = dk.participants;
      const res = await writePost(t, p.token, round.id, { body: '  I boil water in a pan.\n\nEvery single morning.  \n' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        roundId: round.id,
        parentId: null,
        kind: 'comment',
        body: 'I boil water in a pan.\n\nEvery single morning.',
        author: { role: 'panellist', pseudonym: expect.stringMatching(/^P-\d{2,}$/) },
        mine: true,
        likes: 0,
        likedByMe: false,
        replyCount: 0,
        pinned: false,
        createdAt: expect.stringMatching(/Z$/),
        editedAt: null,
      });
    });

    it('stores a post holding markup as the very text written, and returns it as JSON text, never as HTML', async () => {
      const [p, q] = dk.participants;
      const hostile = '<script>alert("xss")</script><img src=x onerror="alert(1)"> & <b>bold</b> &amp;';
      const post = await mustPost(t, p, round.id, { body: hostile, kind: 'idea' });
      expect(post.body).toBe(hostile);
      const read = await getPost(t, q.token, post.id);
      expect(read.status).toBe(200);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
      expect(read.body.body).toBe(hostile);
      expect((await listPosts(t, w.researcher.token, round.id)).body.items.find((x: Post) => x.id === post.id).body).toBe(hostile);
      const [row] = (await dataSource(t).query(`SELECT body FROM discussion_posts WHERE id = $1`, [post.id])) as Array<{ body: string }>;
      expect(row.body).toBe(hostile);
    });

    it('takes an idea, which starts with the idea status new; a comment has no idea status', async () => {
      const [, p] = dk.participants;
      const idea = await mustPost(t, p, round.id, { body: 'A kettle that knows the temperature for green tea', kind: 'idea' });
      expect(idea).toMatchObject({ kind: 'idea', ideaStatus: 'new' });
      const comment = await mustPost(t, p, round.id, { body: 'I like my tea hot', kind: 'comment' });
      expect(comment).not.toHaveProperty('ideaStatus');
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['an empty body', { body: '' }, ['body']],
      ['a body of spaces and newlines', { body: ' \n\t ' }, ['body']],
      ['a body of zero-width characters and spaces', { body: '\u200B \u200C\u200D\n\u2060\uFEFF' }, ['body']],
      ['a reply of zero-width spaces only', { body: '\u200B\u200B', parentId: '00000000-0000-4000-8000-000000000000' }, ['body']],
      ['a body of 10,001 characters', { body: 'x'.repeat(10_001) }, ['body']],
      ['no body', {}, ['body']],
      ['a body that is not text', { body: 42 }, ['body']],
      ['an unknown kind', { body: 'hello', kind: 'rant' }, ['kind']],
      ['a parentId that is not a UUID', { body: 'hello', parentId: 'post-1' }, ['parentId']],
      ['an unknown field', { body: 'hello', title: 'Hi' }, ['title']],
    ])('refuses %s (400)', async (_what, body, fields) => {
      const res = await writePost(t, dk.participants[0].token, round.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(fields);
    });

    it('takes a body of exactly 10,000 characters once trimmed (emoji count as one)', async () => {
      const body = `  ${'☕'.repeat(5_000)}${'😀'.repeat(5_000)}  `;
      const post = await mustPost(t, dk.participants[0], round.id, { body });
      expect(post.body).toBe(body.trim());
      expect([...post.body]).toHaveLength(10_000);
    });

    it('answers panellists who do not take part as for an unknown round (404: existence is not confirmed), brand users 403', async () => {
      expectProblem(await writePost(t, outsider.token, round.id, { body: 'let me in' }), 404, 'round-not-found');
      expectProblem(await writePost(t, dk.invitedOnly[0].token, round.id, { body: 'I was invited' }), 404, 'round-not-found');
      expectProblem(await writePost(t, se.participants[0].token, round.id, { body: 'wrong study' }), 404, 'round-not-found');
      expectProblem(await listPosts(t, se.participants[0].token, round.id), 404, 'round-not-found');
      expectProblem(await listPosts(t, outsider.token, round.id), 404, 'round-not-found');
      expectProblem(await writePost(t, brandUser.token, round.id, { body: 'brand here' }), 403);
      expectProblem(await writePost(t, null, round.id, { body: 'anyone?' }), 401);
      expectProblem(await writePost(t, dk.participants[0].token, MISSING, { body: 'where?' }), 404, 'round-not-found');
      expectProblem(await writePost(t, dk.participants[0].token, 'round-1', { body: 'where?' }), 400);
      const before = (await listPosts(t, w.researcher.token, round.id, 'limit=100')).body.items as Post[];
      expect(before.filter((p) => ['let me in', 'I was invited', 'wrong study', 'brand here'].includes(p.body))).toEqual([]);
    });

    it('shows panellists other panellists by pseudonym only; researchers also get the panellist id; researchers’ posts show as researcher', async () => {
      const [a, b] = dk.participants;
      const fromA = await mustPost(t, a, otherRound.id, { body: 'Pasta, mostly' });
      const fromR = await mustPost(t, w.researcher, otherRound.id, { body: 'What about weekends?' });
      const seenByB = (await listPosts(t, b.token, otherRound.id)).body.items as Post[];
      const aSeenByB = seenByB.find((p) => p.id === fromA.id)!;
      expect(aSeenByB.author).toEqual({ role: 'panellist', pseudonym: fromA.author.pseudonym });
      expect(aSeenByB.mine).toBe(false);
      expect(seenByB.find((p) => p.id === fromR.id)!.author).toEqual({ role: 'researcher' });
      const text = JSON.stringify(seenByB);
      expect(text).not.toContain(a.id);
      expect(text).not.toContain(a.displayName);
      expect(text).not.toContain(a.email);
      expect(text).not.toContain(w.researcher.id);

      const seenByR = (await listPosts(t, w.researcher.token, otherRound.id)).body.items as Post[];
      expect(seenByR.find((p) => p.id === fromA.id)!.author).toEqual({
        role: 'panellist',
        pseudonym: fromA.author.pseudonym,
        panellistId: a.id,
      });
      expect(seenByR.find((p) => p.id === fromR.id)!).toMatchObject({
        author: { role: 'researcher', userId: w.researcher.id },
        mine: true,
        hidden: false,
        codes: [],
      });
      // the same panellist keeps the same pseudonym, and two panellists never share one
      const again = await mustPost(t, a, otherRound.id, { body: 'And rice' });
      const fromB = await mustPost(t, b, otherRound.id, { body: 'Soup' });
      expect(again.author.pseudonym).toBe(fromA.author.pseudonym);
      expect(fromB.author.pseudonym).not.toBe(fromA.author.pseudonym);
    });

    it('a retry with the same Idempotency-Key answers the first post and writes no second one', async () => {
      const [, , c] = dk.participants;
      const send = () => writePost(t, c.token, otherRound.id, { body: 'Only once, please' }).set('Idempotency-Key', 'dk-post-1');
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
      const mine = ((await listPosts(t, c.token, otherRound.id, 'limit=100')).body.items as Post[]).filter(
        (p) => p.body === 'Only once, please',
      );
      expect(mine).toHaveLength(1);
    });
  });

  describe('the posting window', () => {
    it('409 ROUND_NOT_OPEN for a participant before the round opens; the round takes posts from the moment it opens', async () => {
      const later = await createRound(t, w.researcher, dk.study.id, { opensAt: fromNow(DAY), closesAt: fromNow(2 * DAY) });
      const res = await writePost(t, dk.participants[0].token, later.id, { body: 'too early' });
      expectProblem(res, 409, 'round-not-open');
      expect(res.body.detail).toContain(later.opensAt);
      const opened = await at(t, later.opensAt, () => writePost(t, dk.participants[0].token, later.id, { body: 'just in time' }));
      expect(opened.status).toBe(201);
    });

    it('409 ROUND_NOT_OPEN for a participant once the round has closed (closesAt excluded), for posts, replies and edits', async () => {
      const r = await createRound(t, w.researcher, dk.study.id, { opensAt: fromNow(-HOUR), closesAt: fromNow(HOUR) });
      const [p] = dk.participants;
      const post = await mustPost(t, p, r.id, { body: 'before the close' });
      const lastMoment = new Date(Date.parse(r.closesAt) - 1);
      expect((await at(t, lastMoment, () => writePost(t, p.token, r.id, { body: 'last second' }))).status).toBe(201);
      await at(t, r.closesAt, async () => {
        expectProblem(await writePost(t, p.token, r.id, { body: 'too late' }), 409, 'round-not-open');
        expectProblem(await writePost(t, p.token, r.id, { body: 'too late', parentId: post.id }), 409, 'round-not-open');
        expectProblem(await editPost(t, p.token, post.id, { body: 'changed my mind' }), 409, 'round-not-open');
        // reading goes on
        expect((await listPosts(t, p.token, r.id)).status).toBe(200);
      });
    });

    it('lets researchers (the moderators) post before the round opens and after it closes', async () => {
      const later = await createRound(t, w.researcher, dk.study.id, { opensAt: fromNow(DAY), closesAt: fromNow(2 * DAY) });
      expect((await writePost(t, w.researcher.token, later.id, { body: 'Welcome! Think about your mornings.' })).status).toBe(201);
      const after = await at(t, new Date(Date.parse(later.closesAt) + HOUR), () =>
        writePost(t, w.researcher.token, later.id, { body: 'Thank you all.' }),
      );
      expect(after.status).toBe(201);
    });

    it(
      '409 STUDY_CLOSED once the study is closed, for everyone; reading goes on',
      async () => {
        const fi = await cohort(t, w, { country: 'FI', participants: 1 });
        const r = await createRound(t, w.researcher, fi.study.id);
        await mustPost(t, fi.participants[0], r.id, { body: 'Sauna coffee' });
        await closeStudy(t, w.researcher.token, fi.study.id);
        expectProblem(await writePost(t, fi.participants[0].token, r.id, { body: 'still here' }), 409, 'study-closed');
        expectProblem(await writePost(t, w.researcher.token, r.id, { body: 'closing words' }), 409, 'study-closed');
        expect((await listPosts(t, fi.participants[0].token, r.id)).body.items).toHaveLength(1);
      },
      SETUP_TIMEOUT,
    );
  });

  describe('replies', () => {
    let top: Post;

    beforeAll(async () => {
      top = await mustPost(t, dk.participants[0], round.id, { body: 'I use a moka pot' });
    });

    it('takes a reply to a top-level post of the same round, counted on the parent and listed oldest first', async () => {
      const [, b, c] = dk.participants;
      const r1 = await mustPost(t, b, round.id, { body: 'Me too!', parentId: top.id });
      const r2 = await mustPost(t, w.researcher, round.id, { body: 'Which size?', parentId: top.id.toUpperCase() });
      const r3 = await mustPost(t, c, round.id, { body: 'Variant: a moka pot with a timer', parentId: top.id, kind: 'idea' });
      expect(r1).toMatchObject({ parentId: top.id, roundId: round.id, kind: 'comment' });
      expect(r2.parentId).toBe(top.id);
      expect(r3).toMatchObject({ kind: 'idea', ideaStatus: 'new' });

      const replies = await listReplies(t, dk.participants[3].token, top.id);
      expect(replies.status).toBe(200);
      expect((replies.body.items as Post[]).map((p) => p.body)).toEqual(['Me too!', 'Which size?', 'Variant: a moka pot with a timer']);
      const page1 = await listReplies(t, dk.participants[3].token, top.id, 'limit=2');
      const page2 = await listReplies(t, dk.participants[3].token, top.id, `limit=2&cursor=${page1.body.nextCursor as string}`);
      expect([...page1.body.items, ...page2.body.items].map((p: Post) => p.id)).toEqual([r1.id, r2.id, r3.id]);
      expect(page2.body.nextCursor).toBeNull();

      expect((await getPost(t, dk.participants[3].token, top.id)).body.replyCount).toBe(3);
      // the round's list holds top-level posts only
      const listed = (await listPosts(t, dk.participants[3].token, round.id, 'limit=100')).body.items as Post[];
      expect(listed.find((p) => p.id === top.id)?.replyCount).toBe(3);
      expect(listed.map((p) => p.id)).not.toContain(r1.id);
    });

    it('422 INVALID_PARENT for a parent in another round, a missing parent, or a reply (threads are one level deep)', async () => {
      const [, b] = dk.participants;
      const elsewhere = await mustPost(t, b, otherRound.id, { body: 'Dinner thoughts' });
      const reply = await mustPost(t, b, round.id, { body: 'A reply', parentId: top.id });
      const inOther = await writePost(t, b.token, round.id, { body: 'wrong thread', parentId: elsewhere.id });
      expectProblem(inOther, 422, 'invalid-parent');
      expectProblem(await writePost(t, b.token, round.id, { body: 'nobody', parentId: MISSING }), 422, 'invalid-parent');
      const nested = await writePost(t, b.token, round.id, { body: 'nested', parentId: reply.id });
      expectProblem(nested, 422, 'invalid-parent');
      expect(nested.body.detail).toContain(top.id);
      expect(((await listReplies(t, b.token, elsewhere.id)).body.items as Post[]).length).toBe(0);
    });
  });

  describe('editing', () => {
    it('lets the author edit within 15 minutes, trimmed, with editedAt set', async () => {
      const [p] = dk.participants;
      const post = await mustPost(t, p, round.id, { body: 'I drink coffe' });
      const res = await editPost(t, p.token, post.id, { body: '  I drink coffee  ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: post.id,
        body: 'I drink coffee',
        editedAt: expect.stringMatching(/Z$/),
        createdAt: post.createdAt,
      });
      expect((await getPost(t, dk.participants[1].token, post.id)).body.body).toBe('I drink coffee');
      const almost = new Date(Date.parse(post.createdAt) + 14 * MINUTE + 59_000);
      const late = await at(t, almost, () => editPost(t, p.token, post.id, { body: 'I drink coffee, black' }));
      expect(late.status).toBe(200);
    });

    it('409 EDIT_WINDOW_CLOSED from 15 minutes after writing', async () => {
      const [p] = dk.participants;
      const post = await mustPost(t, p, round.id, { body: 'First version' });
      for (const offset of [15 * MINUTE, 16 * MINUTE, DAY - HOUR]) {
        const res = await at(t, new Date(Date.parse(post.createdAt) + offset), () =>
          editPost(t, p.token, post.id, { body: 'Second version' }),
        );
        expectProblem(res, 409, 'edit-window-closed');
      }
      expect((await getPost(t, p.token, post.id)).body).toMatchObject({ body: 'First version', editedAt: null });
    });

    it('only the author edits: 403 NOT_AUTHOR for another participant and for a researcher', async () => {
      const [p, q] = dk.participants;
      const post = await mustPost(t, p, round.id, { body: 'Mine' });
      expectProblem(await editPost(t, q.token, post.id, { body: 'Yours now' }), 403, 'not-author');
      expectProblem(await editPost(t, w.researcher.token, post.id, { body: 'Moderated' }), 403, 'not-author');
      expectProblem(await editPost(t, outsider.token, post.id, { body: 'Outsider' }), 404, 'post-not-found');
      expectProblem(await getPost(t, outsider.token, post.id), 404, 'post-not-found');
      expectProblem(await listReplies(t, outsider.token, post.id), 404, 'post-not-found');
      expectProblem(await editPost(t, p.token, post.id, { body: '   ' }), 400);
      expectProblem(await editPost(t, p.token, post.id, { body: 'ok', kind: 'idea' }), 400);
      expectProblem(await editPost(t, p.token, MISSING, { body: 'ok' }), 404, 'post-not-found');
      expect((await getPost(t, p.token, post.id)).body.body).toBe('Mine');
    });
  });

  describe('points', () => {
    it(
      'credits the study’s post points for a participant’s first top-level post in each round, once',
      async () => {
        const no = await cohort(t, w, { country: 'NO', participants: 2 });
        await setPostPoints(t, w, no.study.id, 15);
        const study = await t
          .http()
          .get(`/api/v1/studies/${no.study.id}`)
          .set(...bearer(w.researcher.token));
        expect(study.body.postPoints).toBe(15);
        const [p, q] = no.participants;
        const r1 = await createRound(t, w.researcher, no.study.id, { title: 'Fjords' });
        const r2 = await createRound(t, w.researcher, no.study.id, { title: 'Cabins' });
        const before = (await pointsOf(t, p)).balance;

        const first = await mustPost(t, p, r1.id, { body: 'First post' });
        await mustPost(t, p, r1.id, { body: 'Second post' });
        await mustPost(t, p, r1.id, { body: 'A reply', parentId: first.id });
        await mustPost(t, q, r1.id, { body: 'Reply from someone else', parentId: first.id });
        expect((await pointsOf(t, p)).balance).toBe(before + 15);
        await mustPost(t, p, r2.id, { body: 'Another round' });
        const after = await pointsOf(t, p);
        expect(after.balance).toBe(before + 30);
        expect(after.entries.filter((e) => e.reason === 'discussion_post')).toEqual([
          expect.objectContaining({ delta: 15, note: 'Cabins' }),
          expect.objectContaining({ delta: 15, note: 'Fjords' }),
        ]);
        // a reply alone earns nothing
        expect((await pointsOf(t, q)).entries.filter((e) => e.reason === 'discussion_post')).toEqual([]);
      },
      SETUP_TIMEOUT,
    );

    it('credits nothing when the study gives no post points, and refuses post points out of range', async () => {
      const [, , , d] = dk.participants;
      const r = await createRound(t, w.researcher, dk.study.id);
      const before = await pointsOf(t, d);
      await mustPost(t, d, r.id, { body: 'Free of charge' });
      expect(await pointsOf(t, d)).toEqual(before);
      for (const postPoints of [-1, 10_001, 1.5, null]) {
        const res = await t
          .http()
          .patch(`/api/v1/studies/${dk.study.id}`)
          .set(...bearer(w.researcher.token))
          .send({ postPoints });
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual(['postPoints']);
      }
    });
  });
});
