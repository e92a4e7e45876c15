import { randomBytes } from 'node:crypto';
import { PanellistsService } from '@leadpanel/panel';
import {
  API,
  apply,
  applicationBody,
  bearer,
  createCampaign,
  createPanelTestApp,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  LOW_ANSWERS,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from './panel-helpers';

interface Summary {
  id: string;
  email: string;
  displayName: string;
  status: string;
  country: string;
  score: number | null;
  tier: string | null;
  createdAt: string;
  lastActiveAt: string;
}

describe('Researcher views of panellists: list, detail, status', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;
  /** in every display name of this file, to find them with q */
  const tag = `zq${randomBytes(3).toString('hex')}`;
  let lead: Panellist; // FR, active, lead_user, 100
  let waitlisted: Panellist; // DE, waitlisted, mainstream, 16.7
  let percent: Panellist; // BE, "100% maker"
  let underscore: Panellist; // BE, "under_score"
  let pendingId: string;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token, { acceptScore: 50 });
    lead = await joinPanel(t, campaign.slug, { displayName: `Lea Lead ${tag}`, country: 'FR' });
    waitlisted = await joinPanel(t, campaign.slug, { displayName: `Walt Wait ${tag}`, country: 'DE', answers: LOW_ANSWERS });
    percent = await joinPanel(t, campaign.slug, { displayName: `Pat 100% maker ${tag}`, country: 'BE' });
    underscore = await joinPanel(t, campaign.slug, { displayName: `Ursula under_score ${tag}`, country: 'BE' });
    const pending = await apply(t, campaign.slug, applicationBody({ displayName: `Pete Pending ${tag}`, country: 'IT' }));
    expect(pending.status).toBe(201);
    pendingId = pending.body.panellistId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (query: string, token: string | null = researcher.token) => {
    const req = t.http().get(`${API}/panellists${query}`);
    if (token) req.set(...bearer(token));
    return req;
  };
  const ids = (body: { items: Summary[] }): string[] => body.items.map((p) => p.id);

  describe('GET /panellists', () => {
    it('answers a page of summaries, newest first', async () => {
      const res = await list(`?q=${tag}`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(ids(res.body)).toEqual([pendingId, underscore.id, percent.id, waitlisted.id, lead.id]);
      const first = (res.body.items as Summary[]).find((p) => p.id === lead.id);
      expect(first).toEqual({
        id: lead.id,
        email: lead.email,
        displayName: `Lea Lead ${tag}`,
        status: 'active',
        country: 'FR',
        score: 100,
        tier: 'lead_user',
        createdAt: expect.stringMatching(/Z$/),
        lastActiveAt: expect.stringMatching(/Z$/),
      });
    });

    it.each<[string, string, () => string[]]>([
      ['status', 'status=waitlisted', () => [waitlisted.id]],
      ['status pending_confirmation', 'status=pending_confirmation', () => [pendingId]],
      ['country', 'country=DE', () => [waitlisted.id]],
      ['country in lower case', 'country=be', () => [underscore.id, percent.id]],
      ['tier', 'tier=mainstream', () => [waitlisted.id]],
      ['minScore', 'minScore=50', () => [underscore.id, percent.id, lead.id]],
      ['minScore with a decimal', 'minScore=16.7', () => [underscore.id, percent.id, waitlisted.id, lead.id]],
      ['several filters', 'status=active&country=FR&tier=lead_user&minScore=99.5', () => [lead.id]],
    ])('filters by %s', async (_what, query, expected) => {
      const res = await list(`?q=${tag}&${query}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(expected());
    });

    it('searches display names case-insensitively', async () => {
      const res = await list(`?q=${encodeURIComponent(`WALT WAIT ${tag.toUpperCase()}`)}`);
      expect(ids(res.body)).toEqual([waitlisted.id]);
    });

    it('searches e-mail addresses', async () => {
      const local = lead.email.split('@')[0];
      const res = await list(`?q=${encodeURIComponent(local.toUpperCase())}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual([lead.id]);
    });

    it.each<[string, string, () => string[]]>([
      ['%', '%', () => [percent.id]],
      ['_', '_', () => [underscore.id]],
      ['a backslash', '\\', () => []],
      ['100%', '100%', () => [percent.id]],
      ["'; drop table", `'; drop table panellists; --`, () => []],
      ['a quote and a wildcard', `' OR '1'='1`, () => []],
    ])('matches %s literally (never a wildcard, never a 500)', async (_what, q, expected) => {
      const res = await list(`?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(expected());
      for (const p of res.body.items as Summary[]) expect(`${p.displayName} ${p.email}`).toContain(q);
    });

    it('still lists everyone after the injection attempts', async () => {
      expect(ids((await list(`?q=${tag}`)).body)).toHaveLength(5);
    });

    it('pages with limit and cursor: every panellist once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await list(`?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect((res.body.items as Summary[]).length).toBeLessThanOrEqual(2);
        seen.push(...ids(res.body));
        cursor = res.body.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([pendingId, underscore.id, percent.id, waitlisted.id, lead.id]);
    });

    it.each<[string, string, string]>([
      ['limit 0', 'limit=0', 'limit'],
      ['limit 101', 'limit=101', 'limit'],
      ['limit abc', 'limit=abc', 'limit'],
      ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['a cursor with SQL', `cursor=${encodeURIComponent("'; drop table panellists; --")}`, 'cursor'],
      ['an unknown status', 'status=sleeping', 'status'],
      ['a country that is not a code', 'country=France', 'country'],
      ['an unknown tier', 'tier=gold', 'tier'],
      ['minScore abc', 'minScore=abc', 'minScore'],
      ['minScore 101', 'minScore=101', 'minScore'],
      ['an empty q', 'q=', 'q'],
      ['a q of 101 characters', `q=${'a'.repeat(101)}`, 'q'],
      ['an unknown filter', 'brand=acme', 'brand'],
    ])('refuses %s with 400', async (_what, query, field) => {
      const res = await list(`?${query}`);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });

    it('is for researchers: anonymous 401, panellist 403, brand user 403, admin 403', async () => {
      expectProblem(await list('', null), 401);
      expectProblem(await list('', lead.token), 403);
      const admin = await t.staff('admin');
      expectProblem(await list('', admin.token), 403);
      const brand = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(admin.token))
        .send({ name: 'List brand', slug: `list-${randomBytes(4).toString('hex')}` });
      const brandUser = await t.staff('brand', brand.body.id as string);
      expectProblem(await list('', brandUser.token), 403);
    });
  });

  describe('GET /panellists/:id', () => {
    it('shows the profile, the score breakdown, participation and history, and audits the read', async () => {
      const res = await t
        .http()
        .get(`${API}/panellists/${lead.id}`)
        .set(...bearer(researcher.token));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: lead.id,
        email: lead.email,
        status: 'active',
        displayName: `Lea Lead ${tag}`,
        country: 'FR',
        campaignId: campaign.id,
        scoreBreakdown: {
          overall: 100,
          tier: 'lead_user',
          dimensions: { ahead_of_trend: 100, expected_benefit: 100, own_solutions: 100 },
        },
        referralChain: { referredBy: null, referrals: [] },
        participation: { pointsBalance: 0, referralsMade: 0, referralsJoined: 0 },
      });
      expect(res.body.statusHistory).toEqual([
        expect.objectContaining({ from: null, to: 'pending_confirmation' }),
        expect.objectContaining({ from: 'pending_confirmation', to: 'active' }),
      ]);
      const rows = (await dataSource(t).query(
        `SELECT actor_user_id, actor_role, request_id FROM audit_log WHERE action = 'panellist.pii_read' AND target_id = $1`,
        [lead.id],
      )) as Array<{ actor_user_id: string; actor_role: string; request_id: string }>;
      expect(rows).toEqual([{ actor_user_id: researcher.id, actor_role: 'researcher', request_id: res.headers['x-request-id'] }]);
    });

    it('shows a pending applicant with no score yet', async () => {
      const res = await t
        .http()
        .get(`${API}/panellists/${pendingId}`)
        .set(...bearer(researcher.token));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'pending_confirmation', scoreBreakdown: { overall: null, tier: null, dimensions: {} } });
    });

    it('answers an unknown id with 404 and a malformed one with 400', async () => {
      expectProblem(
        await t
          .http()
          .get(`${API}/panellists/00000000-0000-4000-8000-000000000000`)
          .set(...bearer(researcher.token)),
        404,
      );
      expectProblem(
        await t
          .http()
          .get(`${API}/panellists/not-a-uuid`)
          .set(...bearer(researcher.token)),
        400,
      );
    });

    it('is for researchers: anonymous 401, the panellist themself 403', async () => {
      expectProblem(await t.http().get(`${API}/panellists/${lead.id}`), 401);
      expectProblem(
        await t
          .http()
          .get(`${API}/panellists/${lead.id}`)
          .set(...bearer(lead.token)),
        403,
      );
    });
  });

  describe('PATCH /panellists/:id/status', () => {
    const change = (id: string, body: Record<string, unknown>, token: string | null = researcher.token) => {
      const req = t.http().patch(`${API}/panellists/${id}/status`);
      if (token) req.set(...bearer(token));
      return req.send(body);
    };

    it('lets a waitlisted panellist in (200) and records who and why', async () => {
      const p = await joinPanel(t, campaign.slug, { answers: LOW_ANSWERS });
      expect(p.confirmed.status).toBe('waitlisted');
      const res = await change(p.id, { status: 'active', reason: 'strong open answers' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: p.id, status: 'active' });
      expect(res.body.statusHistory).toContainEqual(
        expect.objectContaining({ from: 'waitlisted', to: 'active', reason: 'strong open answers', actorUserId: researcher.id }),
      );
      const profile = await t
        .http()
        .get(`${API}/me/profile`)
        .set(...bearer(p.token));
      expect(profile.body.status).toBe('active');
      const rows = (await dataSource(t).query(
        `SELECT actor_user_id, data FROM audit_log WHERE action = 'panellist.status_changed' AND target_id = $1`,
        [p.id],
      )) as Array<{ actor_user_id: string; data: Record<string, unknown> }>;
      expect(rows).toEqual([{ actor_user_id: researcher.id, data: { from: 'waitlisted', to: 'active', reason: 'strong open answers' } }]);
    });

    it('follows the transition table: pause and resume; nobody goes back to pending_confirmation (409)', async () => {
      const p = await joinPanel(t, campaign.slug);
      expect((await change(p.id, { status: 'paused', reason: 'on holiday' })).status).toBe(200);
      expect((await change(p.id, { status: 'active', reason: 'back' })).status).toBe(200);
      expectProblem(await change(p.id, { status: 'pending_confirmation', reason: 'again' }), 409);
      expectProblem(await change(p.id, { status: 'erased', reason: 'by hand' }), 409);
      expectProblem(await change(p.id, { status: 'active', reason: 'already' }), 409);
      expect((await change(p.id, { status: 'blocked', reason: 'fraud' })).status).toBe(200);
      const opted = await joinPanel(t, campaign.slug);
      await t
        .http()
        .post(`${API}/me/opt-out`)
        .set(...bearer(opted.token));
      expectProblem(await change(opted.id, { status: 'active', reason: 'we miss you' }), 409);
    });

    it('lets a dormant panellist back in: 180 days without activity make an active panellist dormant', async () => {
      const p = await joinPanel(t, campaign.slug);
      await dataSource(t).query(`UPDATE panellists SET last_active_at = now() - interval '181 days' WHERE id = $1`, [p.id]);
      expect(await t.app.get(PanellistsService).markDormant()).toBe(1);
      const dormant = await t
        .http()
        .get(`${API}/panellists/${p.id}`)
        .set(...bearer(researcher.token));
      expect(dormant.body.status).toBe('dormant');
      expect(dormant.body.statusHistory).toContainEqual(expect.objectContaining({ from: 'active', to: 'dormant', actorUserId: null }));
      const res = await change(p.id, { status: 'active', reason: 'answered our call' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('active');
      expect(await t.app.get(PanellistsService).markDormant()).toBe(0);
    });

    it('blocks a pending applicant', async () => {
      const pending = await apply(t, campaign.slug, applicationBody());
      const res = await change(pending.body.panellistId as string, { status: 'blocked', reason: 'bot' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('blocked');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown status', { status: 'sleeping', reason: 'x' }, 'status'],
      ['no status', { reason: 'x' }, 'status'],
      ['no reason', { status: 'paused' }, 'reason'],
      ['a blank reason', { status: 'paused', reason: '   ' }, 'reason'],
      ['a reason over 500 characters', { status: 'paused', reason: 'x'.repeat(501) }, 'reason'],
      ['an unknown field', { status: 'paused', reason: 'x', actor: 'me' }, 'actor'],
    ])('refuses %s with 400', async (_what, body, field) => {
      const res = await change(lead.id, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });

    it('answers an unknown panellist with 404', async () => {
      expectProblem(await change('00000000-0000-4000-8000-000000000000', { status: 'paused', reason: 'x' }), 404);
    });

    it('is for researchers: anonymous 401, panellist 403', async () => {
      expectProblem(await change(lead.id, { status: 'paused', reason: 'x' }, null), 401);
      expectProblem(await change(lead.id, { status: 'active', reason: 'x' }, waitlisted.token), 403);
    });
  });
});
