import type { Response, Test } from 'supertest';
import { createRound, mustPost, type Post, type Round } from '../discussions/discussions-helpers';
import { fileFeedback, filing, type FeedbackItem } from '../feedback/feedback-helpers';
import { ship } from '../home-testing/fulfilment-helpers';
import {
  addressOf,
  API,
  bearer,
  createHomeTestingTestApp,
  createProduct,
  dataSource,
  expectProblem,
  putAddress,
  SETUP_TIMEOUT,
  type Panellist,
  type Product,
  type TestApp,
} from '../home-testing/home-testing-helpers';
import { allocate, asPanellist, shipmentDetail, shipmentTo } from '../home-testing/shipment-helpers';
import { allInvitations, myInvitationTo } from '../studies/studies-helpers';
import { assignAll, createStudySurvey, FULL_ANSWERS, mustMyAssignment, type Survey } from '../surveys/survey-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';

/**
 * A blocked, paused or opted-out panellist takes part in nothing (docs/http-contract.md, "Accounts,
 * sessions and limits"): every write path answers 403 `panellist-not-active` and
 * changes nothing; blocking also ends the account's sessions at once.
 */
describe('Panellist status: only a panellist who takes part may write', () => {
  let t: TestApp;
  let w: StudyWorld;
  let c: Cohort; // participants: [0] active control, [1] blocked, [2] paused, [3] opted out; invitedOnly the same
  let nda: Product;
  let plain: Product;
  let survey: Survey;
  let round: Round;
  let topic: Post; // the researcher's post everybody may reply to and like
  let item: FeedbackItem; // filed by the control, for "me too"

  const STATUSES = ['blocked', 'paused', 'opted_out'] as const;
  type Status = (typeof STATUSES)[number];
  const index: Record<Status, number> = { blocked: 1, paused: 2, opted_out: 3 };

  const setStatus = async (p: Panellist, status: Status): Promise<void> => {
    if (status === 'opted_out') {
      const res = await t
        .http()
        .post(`${API}/me/opt-out`)
        .set(...bearer(p.token));
      expect(res.status).toBe(200);
    } else if (status === 'paused') {
      const res = await t
        .http()
        .patch(`${API}/panellists/${p.id}/status`)
        .set(...bearer(w.researcher.token))
        .send({ status, reason: 'on holiday' });
      expect(res.status).toBe(200);
    } else {
      // the panellist row alone: a block that lands between the token check and the write
      // (the account itself is disabled by PATCH, tested below) must still be refused
      await dataSource(t).query(`UPDATE panellists SET status = 'blocked' WHERE id = $1`, [p.id]);
    }
  };

  beforeAll(async () => {
    t = await createHomeTestingTestApp();
    w = await studyWorld(t);
    c = await cohort(t, w, { country: 'NO', participants: 4, invitedOnly: 4 });
    for (const [i, p] of c.participants.entries()) await putAddress(t, p, addressOf(i));
    nda = await createProduct(t, w.researcher.token, w.brandId, { ndaRequired: true, ndaVersion: 'v1', ndaTerms: 'Keep it secret.' });
    plain = await createProduct(t, w.researcher.token, w.brandId);
    await allocate(t, w.researcher.token, c.study.id, nda.id);
    await allocate(t, w.researcher.token, c.study.id, plain.id);
    for (const p of c.participants) await ship(t, w.researcher.token, await shipmentTo(t, w.researcher.token, c.study.id, p, plain.id));
    survey = await createStudySurvey(t, w.researcher.token, { studyId: c.study.id });
    await assignAll(t, w.researcher.token, survey.id);
    round = await createRound(t, w.researcher, c.study.id);
    topic = await mustPost(t, w.researcher, round.id, { body: 'Welcome: tell us about your mornings.' });
    item = await fileFeedback(t, c.participants[0], c.study.id, filing('idea'));
    for (const s of STATUSES) {
      await setStatus(c.participants[index[s]], s);
      await setStatus(c.invitedOnly[index[s]], s);
    }
  }, SETUP_TIMEOUT * 2);
  afterAll(async () => {
    await t.close();
  });

  /** Every panellist write path, as `p` (an enrolled participant) or `invited` (invited only) would call it. */
  const writes = async (p: Panellist, invited: Panellist): Promise<Array<[string, Response]>> => {
    const invitation = (await myInvitationTo(t, invited, c.study.id))!;
    const assignment = await mustMyAssignment(t, p, survey.id);
    const ndaShipment = await shipmentTo(t, w.researcher.token, c.study.id, p, nda.id);
    const plainShipment = await shipmentTo(t, w.researcher.token, c.study.id, p, plain.id);
    const as = (token: string) => (req: Test) => req.set(...bearer(token));
    const me = as(p.token);
    return [
      ['accept an invitation', await as(invited.token)(t.http().post(`${API}/me/invitations/${invitation.id}/accept`))],
      ['decline an invitation', await as(invited.token)(t.http().post(`${API}/me/invitations/${invitation.id}/decline`))],
      ['post', await me(t.http().post(`${API}/rounds/${round.id}/posts`)).send({ body: 'My morning' })],
      ['reply', await me(t.http().post(`${API}/rounds/${round.id}/posts`)).send({ body: 'Agreed', parentId: topic.id })],
      ['like', await me(t.http().post(`${API}/posts/${topic.id}/like`))],
      [
        'unlike',
        await t
          .http()
          .delete(`${API}/posts/${topic.id}/like`)
          .set(...bearer(p.token)),
      ],
      [
        'save answers',
        await t
          .http()
          .put(`${API}/me/assignments/${assignment.id}/answers`)
          .set(...bearer(p.token))
          .send({ answers: FULL_ANSWERS }),
      ],
      ['submit', await me(t.http().post(`${API}/me/assignments/${assignment.id}/submit`)).send({ answers: FULL_ANSWERS })],
      ['file feedback', await me(t.http().post(`${API}/studies/${c.study.id}/feedback`)).send(filing('bug'))],
      ['me too', await me(t.http().post(`${API}/feedback/${item.id}/me-too`))],
      ['accept the NDA', await asPanellist(t, p).acceptNda(ndaShipment.id)],
      ['confirm receipt', await asPanellist(t, p).received(plainShipment.id)],
    ];
  };

  it.each(STATUSES)('refuses every write path of a %s panellist with 403 panellist-not-active, and changes nothing', async (status) => {
    const p = c.participants[index[status]];
    const invited = c.invitedOnly[index[status]];
    for (const [what, res] of await writes(p, invited)) {
      expect({ what, status: res.status, type: res.body?.type as unknown }).toEqual({
        what,
        status: 403,
        type: 'urn:leadpanel:problem:panellist-not-active',
      });
      expectProblem(res, 403, 'panellist-not-active');
    }
    // nothing happened
    const stillInvited = await allInvitations(t, w.researcher.token, c.study.id, 'invited');
    expect(stillInvited.map((i) => i.panellistId)).toContain(invited.id);
    const posts = await t
      .http()
      .get(`${API}/posts/${topic.id}/replies`)
      .set(...bearer(w.researcher.token));
    expect(posts.status).toBe(200);
    expect((posts.body.items as Array<{ author: { panellistId?: string } }>).filter((x) => x.author.panellistId === p.id)).toEqual([]);
    const top = await t
      .http()
      .get(`${API}/rounds/${round.id}/posts`)
      .set(...bearer(w.researcher.token));
    expect((top.body.items as Post[]).map((x) => x.id)).toEqual([topic.id]);
    expect((top.body.items as Array<{ likes: number }>)[0].likes).toBe(0);
    const assignment = await t
      .http()
      .get(`${API}/me/assignments/${(await mustMyAssignment(t, p, survey.id)).id}`)
      .set(...bearer(p.token));
    expect(assignment.body).toMatchObject({ status: 'assigned', answers: {} });
    const feedback = await t
      .http()
      .get(`${API}/studies/${c.study.id}/feedback`)
      .set(...bearer(w.researcher.token));
    expect((feedback.body.items as FeedbackItem[]).map((x) => [x.id, x.meToo])).toEqual([[item.id, 0]]);
    expect(
      (await shipmentDetail(t, w.researcher.token, (await shipmentTo(t, w.researcher.token, c.study.id, p, nda.id)).id)).ndaAcceptedAt,
    ).toBeNull();
    expect((await shipmentTo(t, w.researcher.token, c.study.id, p, plain.id)).status).toBe('shipped');
  });

  it('lets an active participant through the same paths (the refusals above are the status, nothing else)', async () => {
    const p = c.participants[0];
    const results = new Map(await writes(p, c.invitedOnly[0]));
    expect(results.get('accept an invitation')!.status).toBe(200);
    expect(results.get('post')!.status).toBe(201);
    expect(results.get('like')!.status).toBe(200);
    expect(results.get('submit')!.status).toBe(200);
    expect(results.get('file feedback')!.status).toBe(201);
    expect(results.get('accept the NDA')!.status).toBe(200);
    expect(results.get('confirm receipt')!.status).toBe(200);
  });

  describe('blocking by a researcher', () => {
    let victim: Panellist;
    beforeAll(async () => {
      // the paused participant: moved back to active, so that the block below is a researcher's
      victim = c.participants[index.paused];
      const back = await t
        .http()
        .patch(`${API}/panellists/${victim.id}/status`)
        .set(...bearer(w.researcher.token))
        .send({ status: 'active', reason: 'back from holiday' });
      expect(back.status).toBe(200);
      const fresh = await t.login(victim.email, victim.password);
      victim = { ...victim, token: fresh.accessToken, refreshToken: fresh.refreshToken };
      const blocked = await t
        .http()
        .patch(`${API}/panellists/${victim.id}/status`)
        .set(...bearer(w.researcher.token))
        .send({ status: 'blocked', reason: 'abusive posts' });
      expect(blocked.status).toBe(200);
      expect(blocked.body.status).toBe('blocked');
    });

    it('ends every session at once: the old access token is 401, refresh is 401, login is 401', async () => {
      expectProblem(
        await t
          .http()
          .get(`${API}/me/profile`)
          .set(...bearer(victim.token)),
        401,
      );
      expectProblem(await t.http().post(`${API}/auth/refresh`).send({ refreshToken: victim.refreshToken }), 401);
      expectProblem(await t.http().post(`${API}/auth/login`).send({ email: victim.email, password: victim.password }), 401);
      const [user] = (await dataSource(t).query(`SELECT status FROM users WHERE id = $1`, [victim.id])) as Array<{ status: string }>;
      expect(user.status).toBe('disabled');
    });

    it('moving back to active re-enables the account: login works and so does taking part', async () => {
      const res = await t
        .http()
        .patch(`${API}/panellists/${victim.id}/status`)
        .set(...bearer(w.researcher.token))
        .send({ status: 'active', reason: 'appeal granted' });
      expect(res.status).toBe(200);
      const session = await t.login(victim.email, victim.password);
      const liked = await t
        .http()
        .post(`${API}/posts/${topic.id}/like`)
        .set(...bearer(session.accessToken));
      expect(liked.status).toBe(200);
    });
  });
});
